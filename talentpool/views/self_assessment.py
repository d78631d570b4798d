"""The leadership qualities self-assessment: rate yourself against each quality, with evidence."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..forms.self_assessment import SelfAssessmentForm
from ..permissions import profiles_editable_by, user_can_use_pathway
from ..services import profile_get_or_create
from ..services.self_assessment import self_assessment_save


@never_cache
@login_required
def self_assessment(request):
    """Show every quality with the aspirant's rating; save them all at once, or none."""
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    profile = profiles_editable_by(request.user).first()
    form = SelfAssessmentForm.for_profile(profile, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            self_assessment_save(
                profile=profile or profile_get_or_create(user=request.user), answers=form.answers()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Your self-assessment has been saved."))
            return redirect("talentpool:dashboard")
    return TemplateResponse(request, "talentpool/self_assessment.html", {"form": form})


__all__ = ["self_assessment"]
