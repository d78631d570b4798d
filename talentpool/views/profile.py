"""Complete your profile: the aspirant's own details, saved optimistically (see services)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..forms.profile import ProfileForm
from ..permissions import user_can_use_pathway
from ..services import StaleEditError, profile_get_or_create, profile_update


@never_cache
@login_required
def profile_edit(request):
    """Show the aspirant's profile form; save it if nobody saved it since the form was loaded."""
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    profile = profile_get_or_create(user=request.user)
    changed_elsewhere = False
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                profile_update(profile=profile, **form.update_kwargs())
            except StaleEditError as error:
                # Someone saved in another tab: start again from what they saved, overwrite nothing.
                form = ProfileForm(initial=ProfileForm.initial_for(error.current))
                changed_elsewhere = True
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, _("Your profile has been saved."))
                return redirect("talentpool:dashboard")
    else:
        form = ProfileForm(initial=ProfileForm.initial_for(profile))
    return TemplateResponse(
        request,
        "talentpool/profile_form.html",
        {"form": form, "changed_elsewhere": changed_elsewhere},
    )
