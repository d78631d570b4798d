"""Writes for the talent pool: profiles, career steps, ratings and programme interest.

Erasing an account is in ``erasure.py``, follow-ups in ``follow_ups.py`` and the audit log in
``audit.py``; all are exported from here.

Edits of a profile or career step are optimistic: the caller says which ``version`` the edit was
based on, and the write is a compare-and-set on that version. If someone saved in between (a
second browser tab), nothing is written and ``StaleEditError`` carries the newer saved object so
it can be shown. This needs no ``select_for_update`` and behaves the same on SQLite and PostgreSQL.
"""

import copy
import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.models import CareerStage, ProgrammePage, School

from ..models import (
    AspirantProfile,
    CareerStep,
    LeadershipQuality,
    ProgrammeInterest,
    Qualification,
    QualityRating,
)
from .admin import follow_up_delete, follow_up_update, profile_manage
from .audit import profile_export_log, profile_view_log
from .erasure import account_erase
from .follow_ups import follow_up_record, profile_next_follow_up_refresh
from .reminders import ReminderRun, follow_up_reminders_due, follow_up_reminders_send

__all__ = [
    "ReminderRun",
    "StaleEditError",
    "account_erase",
    "career_step_create",
    "career_step_set_status",
    "career_step_update",
    "follow_up_delete",
    "follow_up_record",
    "follow_up_reminders_due",
    "follow_up_reminders_send",
    "follow_up_update",
    "profile_export_log",
    "profile_get_or_create",
    "profile_manage",
    "profile_next_follow_up_refresh",
    "profile_update",
    "profile_view_log",
    "programme_interest_register",
    "qualifications_clean",
    "quality_rating_save",
]

QUALIFICATION_KEYS = ("held", "in_progress", "other")


class StaleEditError(Exception):
    """The edit was based on an old version; ``current`` is the newer saved object."""

    def __init__(self, current: models.Model):
        super().__init__(
            _(
                "Someone else saved this record while you were editing it. "
                "Check the latest version and make your changes again."
            )
        )
        self.current = current


def _merge_errors(*errors: ValidationError | None) -> ValidationError | None:
    """One ValidationError holding every field's messages, so a form can show them all at once."""
    merged: dict[str, list] = {}
    for error in errors:
        if error is not None:
            for field, messages in error.update_error_dict({}).items():
                merged.setdefault(field, []).extend(messages)
    return ValidationError(merged) if merged else None


def _full_clean_errors(instance: models.Model, **kwargs) -> ValidationError | None:
    try:
        instance.full_clean(**kwargs)
    except ValidationError as error:
        return error
    return None


def _compare_and_set(*, instance: models.Model, expected_version: int, fields: list[str]) -> None:
    """Write ``fields`` of the validated ``instance`` only if the row is still at ``expected_version``.

    Raises StaleEditError with the freshly loaded row if it is not; nothing is written then.
    """
    model = type(instance)
    attnames = [model._meta.get_field(name).attname for name in fields]
    values = {attname: getattr(instance, attname) for attname in attnames}
    changed = model.objects.filter(pk=instance.pk, version=expected_version).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    if not changed:
        current = model.objects.filter(pk=instance.pk).first()
        if current is None:
            raise model.DoesNotExist(f"{model._meta.label} {instance.pk} no longer exists.")
        raise StaleEditError(current)


# Profiles


def profile_get_or_create(*, user) -> AspirantProfile:
    """The user's profile, made empty on first use."""
    profile = AspirantProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    profile = AspirantProfile(user=user)
    profile.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError:  # made at the same moment by another request
        return AspirantProfile.objects.get(user=user)
    return profile


def qualifications_clean(value) -> dict:
    """Check and normalise ``{"held": [codes], "in_progress": [codes], "other": str}``.

    Missing keys become empty; repeated codes in one list are kept once. Raises ValidationError
    (on "qualifications") with sentences that say how to put things right.
    """
    if not isinstance(value, dict):
        raise ValidationError({"qualifications": _("Choose your qualifications from the list.")})
    errors = []
    unknown_keys = sorted(set(value) - set(QUALIFICATION_KEYS))
    if unknown_keys:
        errors.append(_("Choose your qualifications from the list."))
    known = set(Qualification.values)
    cleaned: dict = {}
    for key in ("held", "in_progress"):
        codes = value.get(key) or []
        if not isinstance(codes, list | tuple):
            errors.append(_("Choose your qualifications from the list."))
            codes = []
        cleaned[key] = []
        for code in codes:
            if code not in known:
                errors.append(
                    _("“%(code)s” is not a qualification we know. Choose qualifications from the list.")
                    % {"code": code}
                )
            elif code not in cleaned[key]:
                cleaned[key].append(code)
    other = value.get("other") or ""
    if not isinstance(other, str):
        errors.append(_("Enter your other qualifications as text."))
        other = ""
    elif len(other) > 500:
        errors.append(_("Other qualifications must be 500 characters or fewer. Shorten what you entered."))
    cleaned["other"] = other.strip()
    for code in cleaned["held"]:
        if code in cleaned["in_progress"]:
            errors.append(
                _(
                    "%(qualification)s cannot be both held and in progress. Tick it as held if you "
                    "have it, or as in progress if you are still working towards it."
                )
                % {"qualification": Qualification(code).label}
            )
    if errors:
        raise ValidationError({"qualifications": list(dict.fromkeys(errors))})
    return cleaned


PROFILE_FIELDS = [
    "school",
    "current_role",
    "years_in_role",
    "target_role",
    "readiness",
    "qualifications",
    "statement",
    "rising_stars_consent",
    "rising_stars_consent_changed_at",
]


def profile_update(
    *,
    profile: AspirantProfile,
    expected_version: int,
    school: School | None,
    current_role: CareerStage | None,
    years_in_role: int | None,
    target_role: CareerStage | None,
    readiness: str,
    qualifications: dict,
    statement: str,
    rising_stars_consent: bool,
) -> AspirantProfile:
    """Save the aspirant's edit of their profile, if nobody saved it since ``expected_version``.

    ``profile`` is the profile as loaded for the edit; it is refreshed only when the save succeeds.
    The consent timestamp moves whenever consent is given or withdrawn, and only then.
    """
    candidate = copy.copy(profile)  # the caller's instance is left alone if anything is refused
    candidate.school = school
    candidate.current_role = current_role
    candidate.years_in_role = years_in_role
    candidate.target_role = target_role
    candidate.readiness = readiness
    candidate.statement = statement
    candidate.rising_stars_consent = rising_stars_consent
    if rising_stars_consent != profile.rising_stars_consent:
        candidate.rising_stars_consent_changed_at = timezone.now()
    qualification_errors = None
    try:
        candidate.qualifications = qualifications_clean(qualifications)
    except ValidationError as error:
        qualification_errors = error
    errors = _merge_errors(
        qualification_errors,
        _full_clean_errors(candidate, exclude=["qualifications"], validate_unique=False),
    )
    if errors:
        raise errors
    _compare_and_set(instance=candidate, expected_version=expected_version, fields=PROFILE_FIELDS)
    profile.refresh_from_db()
    return profile


# Career steps


def _programme_link_errors(programme: ProgrammePage | None) -> ValidationError | None:
    if programme is None or ProgrammePage.objects.live().public().filter(pk=programme.pk).exists():
        return None
    return ValidationError(
        {"programme": _("That programme is not published. Choose a programme from the list.")}
    )


def career_step_create(
    *,
    profile: AspirantProfile,
    title: str,
    target_date: datetime.date,
    target_role: CareerStage | None = None,
    programme: ProgrammePage | None = None,
) -> CareerStep:
    """Add a next step to the aspirant's plan. A new step cannot have a target date in the past."""
    step = CareerStep(
        profile=profile, title=title, target_date=target_date, target_role=target_role, programme=programme
    )
    date_error = None
    if isinstance(target_date, datetime.date) and target_date < timezone.localdate():
        date_error = ValidationError(
            {"target_date": _("The target date must be today or in the future. Enter a later date.")}
        )
    errors = _merge_errors(date_error, _programme_link_errors(programme), _full_clean_errors(step))
    if errors:
        raise errors
    step.save()
    return step


def career_step_update(
    *,
    step: CareerStep,
    expected_version: int,
    title: str,
    target_date: datetime.date,
    target_role: CareerStage | None,
    programme: ProgrammePage | None,
) -> CareerStep:
    """Edit a step. A past target date is allowed here: the step may simply be late."""
    candidate = copy.copy(step)
    candidate.title = title
    candidate.target_date = target_date
    candidate.target_role = target_role
    candidate.programme = programme
    # A link kept from before stays valid even if the programme was unpublished since.
    link_errors = None if candidate.programme_id == step.programme_id else _programme_link_errors(programme)
    errors = _merge_errors(link_errors, _full_clean_errors(candidate))
    if errors:
        raise errors
    _compare_and_set(
        instance=candidate,
        expected_version=expected_version,
        fields=["title", "target_date", "target_role", "programme"],
    )
    step.refresh_from_db()
    return step


def career_step_set_status(*, step: CareerStep, expected_version: int, status: str) -> CareerStep:
    """Mark a step planned, in progress, achieved or withdrawn."""
    candidate = copy.copy(step)
    candidate.status = status
    candidate.full_clean()
    _compare_and_set(instance=candidate, expected_version=expected_version, fields=["status"])
    step.refresh_from_db()
    return step


# Leadership qualities


@transaction.atomic
def quality_rating_save(
    *, profile: AspirantProfile, quality: LeadershipQuality, rating: int, evidence: str
) -> QualityRating:
    """Create or update the aspirant's one rating for ``quality``. Last save wins.

    Validated before anything is written; two first saves at once (a double click) end with one
    row, because update_or_create retries the read when the unique constraint refuses the insert.
    """
    values = {"rating": rating, "evidence": evidence, "updated_at": timezone.now()}
    QualityRating(profile=profile, quality=quality, **values).full_clean(
        validate_unique=False, validate_constraints=False
    )
    record, _ = QualityRating.objects.update_or_create(profile=profile, quality=quality, defaults=values)
    return record


# Programme interest


def programme_interest_register(
    *, profile: AspirantProfile, programme: ProgrammePage
) -> tuple[ProgrammeInterest, bool]:
    """Register the aspirant's interest in a programme in one click.

    Returns the interest and whether this call registered it (a new interest, or a withdrawn one
    made active again). Clicking again changes nothing and returns False. Only a published
    programme that is open for interest takes new interest.
    """
    interest = ProgrammeInterest.objects.filter(profile=profile, programme=programme).first()
    if interest is not None and interest.status != ProgrammeInterest.Status.WITHDRAWN:
        return interest, False
    # public(): a page behind a password or login restriction takes no interest from here.
    state = ProgrammePage.objects.public().filter(pk=programme.pk).values("live", "status").first()
    if state is None or not state["live"]:
        raise ValidationError(
            _(
                "This programme is not published, so you cannot register interest in it yet. "
                "Choose a programme from the programmes list."
            ),
            code="not_published",
        )
    if state["status"] != ProgrammePage.Status.OPEN:
        raise ValidationError(
            _(
                "This programme is no longer open for interest. Choose a programme that is open for "
                "interest from the programmes list, or contact the programme team."
            ),
            code="not_open",
        )
    if interest is not None:
        interest.status = ProgrammeInterest.Status.INTERESTED
        interest.updated_at = timezone.now()
        interest.full_clean()
        interest.save(update_fields=["status", "updated_at"])
        return interest, True
    interest = ProgrammeInterest(profile=profile, programme=programme)
    interest.full_clean(validate_constraints=False)  # the database constraint settles double clicks
    try:
        with transaction.atomic():
            interest.save()
    except IntegrityError:  # the same click arrived twice at once
        return ProgrammeInterest.objects.get(profile=profile, programme=programme), False
    return interest, True
