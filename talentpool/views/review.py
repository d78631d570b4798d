"""The talent pool for SIPs and LA officers: the filtered list, one aspirant's record and the
follow-ups that are due.

Only people who review (``user_can_review_talent_pool``) reach these pages (403 for anyone
else); an aspirant outside ``profiles_reviewable_by`` answers 404, whoever asks.
"""

import datetime
from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..forms.review import ReviewFilterForm
from ..models import CareerStep, Readiness
from ..permissions import is_sip, user_can_record_follow_up, user_can_review_talent_pool
from ..selectors import (
    FOLLOW_UP_DUE_WITHIN_DAYS,
    ReviewFilters,
    aspirants_for_reviewer,
    due_follow_ups_for,
    profiles_for_review,
    review_filter_choices,
    review_record_for,
)
from ..services import profile_view_log

PER_PAGE = 25

#: GET parameter -> where its choices come from (a key of review_filter_choices, or fixed choices).
CHECKBOX_FILTERS = {
    "school": "schools",
    "current_role": "career_stages",
    "target_role": "career_stages",
    "readiness": Readiness.choices,
    "programme": "programmes",
    "step_status": CareerStep.Status.choices,
}


def _check_reviewer(request) -> None:
    if not user_can_review_talent_pool(request.user):
        raise PermissionDenied


def _query_without(params: QueryDict, name: str, value: str | None = None) -> str:
    """``params`` as a query string without ``page`` and without ``name`` (or just its ``value``)."""
    remaining = params.copy()
    remaining.pop("page", None)
    if value is None:
        remaining.pop(name, None)
    else:
        remaining.setlist(name, [item for item in remaining.getlist(name) if item != value])
    return remaining.urlencode()


def _active_filters(
    *, form: ReviewFilterForm, filters: ReviewFilters, choices: dict[str, list]
) -> list[dict[str, str]]:
    """One entry per filter that is on, with the query string that turns off just that one."""
    params = form.data
    active = []
    if filters.search:
        active.append(
            {
                "field": _("Search"),
                "label": f"“{filters.search}”",
                "remove_query": _query_without(params, "search"),
            }
        )
    for name, source in CHECKBOX_FILTERS.items():
        labels = {
            str(value): label for value, label in (choices[source] if isinstance(source, str) else source)
        }
        for value in dict.fromkeys(params.getlist(name)):
            if value in labels:
                active.append(
                    {
                        "field": form.fields[name].label,
                        "label": labels[value],
                        "remove_query": _query_without(params, name, value),
                    }
                )
    if filters.follow_up_due:
        active.append(
            {
                "field": _("Follow-up"),
                "label": _("due or overdue"),
                "remove_query": _query_without(params, "follow_up_due"),
            }
        )
    return active


def return_url_from(request) -> str:
    """The review list to go back to: the ``return`` parameter if it is a link to the list on this
    site (keeping its filters), else the list itself."""
    list_url = reverse("talentpool:review_list")
    candidate = request.GET.get("return", "")
    if not candidate or not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return list_url
    parts = urlsplit(candidate)
    if parts.scheme or parts.netloc or parts.path != list_url:
        return list_url
    query = QueryDict(parts.query).urlencode()
    return f"{list_url}?{query}" if query else list_url


@never_cache
@login_required
def review_list(request):
    """The aspirants the reviewer may see, filtered, searched, sorted and 25 to a page."""
    _check_reviewer(request)
    choices = review_filter_choices(user=request.user)
    form = ReviewFilterForm(request.GET, choices=choices)
    filters = form.filters()
    page_obj = Paginator(aspirants_for_reviewer(user=request.user, filters=filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    active_filters = _active_filters(form=form, filters=filters, choices=choices)
    return TemplateResponse(
        request,
        "talentpool/review_list.html",
        {
            "form": form,
            "filters": filters,
            "has_schools": bool(choices["schools"]),
            "is_sip": is_sip(request.user),
            "page_obj": page_obj,
            "active_filters": active_filters,
            "filter_query": _query_without(request.GET, "page"),
            "today": today,
            "due_soon_until": today + datetime.timedelta(days=FOLLOW_UP_DUE_WITHIN_DAYS),
        },
    )


@never_cache
@login_required
def review_detail(request, profile_id: int):
    """One aspirant's record; every opening is written to the audit log."""
    _check_reviewer(request)
    profile = get_object_or_404(profiles_for_review(user=request.user), pk=profile_id)
    profile_view_log(viewer=request.user, profile=profile)
    return TemplateResponse(
        request,
        "talentpool/review_detail.html",
        {
            **review_record_for(profile=profile),
            "can_record_follow_up": user_can_record_follow_up(request.user, profile),
            "return_url": return_url_from(request),
        },
    )


@never_cache
@login_required
def due_follow_ups(request):
    """Follow-ups due in the next two weeks or overdue, and late career steps, by school."""
    _check_reviewer(request)
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "talentpool/due_follow_ups.html",
        {
            "schools": due_follow_ups_for(user=request.user, on=today),
            "today": today,
            "due_within_days": FOLLOW_UP_DUE_WITHIN_DAYS,
        },
    )
