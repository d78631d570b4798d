"""Register your interest: the one-click button on a programme page.

The programme page (in ``programmes``, which never imports the talent pool) shows signed-in
visitors a plain POST form aimed here, and signed-out visitors a link to sign up that brings them
back to the programme after they verify their email address.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from programmes.models import ProgrammePage

from ..permissions import user_can_use_pathway
from ..services import profile_get_or_create, programme_interest_register

#: The "Take part" panel's id on the programme page, so the browser scrolls back to the message.
TAKE_PART_ANCHOR = "#take-part"


def _programme_url(request, programme: Page) -> str | None:
    """A live page's address on this site, or None if it is not a safe place to send someone."""
    if not programme.live:
        return None
    url = programme.get_url(request)
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


@login_required
@require_http_methods(["GET", "POST"])
def register_interest(request, page_id: int):
    """POST: register the signed-in aspirant's interest in the programme, then go back to its page.

    GET (someone signed in part-way through pressing the button) changes nothing and goes back to
    the programme page, where the button is ready to press.
    """
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    programme = get_object_or_404(ProgrammePage, pk=page_id)
    programme_url = _programme_url(request, programme)
    if request.method == "GET":
        return HttpResponseRedirect(programme_url or reverse("talentpool:dashboard"))
    try:
        _interest, registered = programme_interest_register(
            profile=profile_get_or_create(user=request.user), programme=programme
        )
    except ValidationError as error:
        return TemplateResponse(
            request,
            "talentpool/register_interest_closed.html",
            {
                "programme": programme,
                "programme_url": programme_url,
                "programmes_url": _programme_url(request, programme.get_parent().specific),
                "problem": error.messages[0],
            },
            status=409,
        )
    if registered:
        messages.success(
            request,
            _("You have registered your interest in %(programme)s. You can see it on your pathway.")
            % {"programme": programme.title},
            extra_tags="programme-interest",
        )
    else:
        messages.info(
            request,
            _("You have already registered your interest in %(programme)s. You can see it on your pathway.")
            % {"programme": programme.title},
            extra_tags="programme-interest",
        )
    if programme_url is None:
        return HttpResponseRedirect(reverse("talentpool:dashboard"))
    return HttpResponseRedirect(programme_url + TAKE_PART_ANCHOR)
