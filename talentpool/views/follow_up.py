"""Record a follow-up of an aspirant's career steps after a school visit.

An aspirant outside ``profiles_reviewable_by`` answers 404; someone who reviews but may not
record a follow-up for them answers 403.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..forms.career_steps import add_service_errors
from ..forms.follow_up import FollowUpForm
from ..permissions import user_can_record_follow_up, user_can_review_talent_pool
from ..selectors import display_name, profiles_for_review
from ..services import follow_up_record
from .review import return_url_from


@never_cache
@login_required
def follow_up_add(request, profile_id: int):
    """The follow-up form; on success, back to the aspirant's record with a notification."""
    if not user_can_review_talent_pool(request.user):
        raise PermissionDenied
    profile = get_object_or_404(profiles_for_review(user=request.user), pk=profile_id)
    if not user_can_record_follow_up(request.user, profile):
        raise PermissionDenied
    return_url = return_url_from(request)
    detail_url = reverse("talentpool:review_detail", args=[profile.pk])
    if return_url != reverse("talentpool:review_list"):
        detail_url = f"{detail_url}?{urlencode({'return': return_url})}"
    form = FollowUpForm(request.POST if request.method == "POST" else None, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up_record(author=request.user, profile=profile, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Follow-up recorded. %(name)s has been emailed that there is a new note.")
                % {"name": display_name(profile.user)},
            )
            return redirect(detail_url)
    return TemplateResponse(
        request,
        "talentpool/follow_up_form.html",
        {"form": form, "profile": profile, "name": display_name(profile.user), "detail_url": detail_url},
    )
