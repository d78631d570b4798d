"""Reads several talent pool pages share: names, follow-ups and the record's audit log."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from ..models import AspirantProfile, CareerStep, FollowUp


def display_name(user) -> str:
    """A user's full name, or their username when they gave no name; for deleted users, say so."""
    if user is None:
        return _("a former member of staff")
    return user.get_full_name().strip() or user.get_username()


def latest_follow_ups(profile: AspirantProfile, *, limit: int | None) -> list[FollowUp]:
    follow_ups = (
        FollowUp.objects.filter(profile=profile)
        .select_related("author")
        .prefetch_related(Prefetch("career_steps", queryset=CareerStep.objects.order_by("target_date", "pk")))
        .order_by("-visit_date", "-pk")
    )
    follow_ups = list(follow_ups[:limit] if limit else follow_ups)
    for follow_up in follow_ups:
        follow_up.author_name = display_name(follow_up.author)
    return follow_ups


def record_log_for(*, profile: AspirantProfile) -> QuerySet[ModelLogEntry]:
    """Wagtail audit log entries about ``profile`` (views, exports, follow-ups), newest first."""
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(AspirantProfile),
            object_id=str(profile.pk),
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def log_user_name(entry: ModelLogEntry) -> str:
    if entry.user_id is None:
        return _("the system")
    return display_name(entry.user) if entry.user is not None else _("someone whose account was deleted")


def career_steps_open_first(*, profile: AspirantProfile) -> QuerySet[CareerStep]:
    """The profile's steps: planned and in progress first, each group soonest target date first."""
    return (
        CareerStep.objects.filter(profile=profile)
        .select_related("programme", "target_role")
        .annotate(
            closed=Case(
                When(status__in=CareerStep.OPEN_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("closed", "target_date", "pk")
    )


MAX_SEARCH_WORDS = 5


def every_word_q(search: str, fields: list[str]) -> Q:
    """Each word of ``search`` must appear in one of ``fields`` (so "Asha Patel" finds Asha Patel)."""
    condition = Q()
    for word in search.split()[:MAX_SEARCH_WORDS]:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition
