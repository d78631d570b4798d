"""Download my data and Delete my account: the aspirant's rights over what the portal holds."""

import json

from allauth.core import ratelimit
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ..forms.my_data import DeleteAccountForm
from ..permissions import user_can_use_pathway
from ..selectors import personal_data_for
from ..services import account_erase

EXPORT_FILENAME = "leadership-portal-my-data-{date}.json"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def export_my_data(request):
    """GET: what the file holds. POST: the file, everything the portal holds about the user, as JSON."""
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    if request.method == "GET":
        return TemplateResponse(request, "talentpool/export_my_data.html")
    data = personal_data_for(user=request.user)
    filename = EXPORT_FILENAME.format(date=timezone.localdate().isoformat())
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n",
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Ask for the password; if it is right, erase the account and everything about it, and sign out."""
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    if request.method == "POST":
        # The same limit as allauth's re-enter-your-password page, so a borrowed session cannot
        # guess the password here without limit.
        too_many = ratelimit.consume_or_429(request, action="reauthenticate", user=request.user)
        if too_many:
            return too_many
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        account_erase(user=request.user)
        logout(request)
        return HttpResponseRedirect(reverse("talentpool:account_deleted"))
    return TemplateResponse(request, "talentpool/delete_account.html", {"form": form})


def account_deleted(request):
    """Public: tells someone their account has gone. Holds nothing about them."""
    return TemplateResponse(request, "talentpool/delete_account_done.html")
