"""My leadership pathway: the aspirant's dashboard."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from ..models import Qualification
from ..permissions import user_can_use_pathway
from ..selectors import dashboard_for


def _qualification_labels(codes) -> list[str]:
    """Readable names for qualification codes; an unknown code is shown as it is. No queries."""
    labels = dict(Qualification.choices)
    return [str(labels.get(code, code)) for code in codes or []]


@never_cache
@login_required
def dashboard(request):
    """My leadership pathway: the aspirant's profile, steps, interests and follow-ups."""
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    context = dashboard_for(user=request.user)
    profile = context["profile"]
    qualifications = (profile.qualifications if profile else None) or {}
    context["qualifications"] = {
        "held": _qualification_labels(qualifications.get("held")),
        "in_progress": _qualification_labels(qualifications.get("in_progress")),
        "other": qualifications.get("other", ""),
    }
    context["open_steps"] = sum(1 for step in context["career_steps"] if step.is_open)
    return TemplateResponse(request, "talentpool/dashboard.html", context)
