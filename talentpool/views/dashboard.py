"""My leadership pathway: the aspirant's dashboard."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from ..permissions import user_can_use_pathway
from ..selectors import dashboard_for


@never_cache
@login_required
def dashboard(request):
    """My leadership pathway: the aspirant's profile, steps, interests and follow-ups."""
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    return TemplateResponse(request, "talentpool/dashboard.html", dashboard_for(user=request.user))
