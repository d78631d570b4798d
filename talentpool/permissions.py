"""Who may see and do what in the talent pool: the one place these decisions are made.

DESIGN.md's table, in code:

- an aspirant reads, writes, exports and deletes their own profile, and nobody else's;
- a School Improvement Partner reads, follows up and exports the profiles of aspirants at schools
  currently assigned to them (started, not yet ended), inside their own local authority;
- an LA officer reads and manages every profile at a school in their local authority;
- a superuser may do everything. Superusers count as none of the roles (``is_sip`` is False for
  them) but pass every check.

Signed-out and inactive users may do nothing. Each rule is a ``Q`` on AspirantProfile, so the
querysets (``profiles_visible_to``) and the yes/no checks (``user_can_view_profile``) share one
definition and each costs at most one query. Views answer 404 for objects outside these querysets.
"""

import datetime
from collections.abc import Callable

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import ModelLogEntry

from programmes.models import School
from programmes.roles import LA_OFFICERS

from .models import (
    AspirantProfile,
    CareerStep,
    FollowUp,
    LocalAuthorityMembership,
    QualityRating,
    SIPAssignment,
)
from .roles import ASPIRANT_LEADERS, SCHOOL_IMPROVEMENT_PARTNERS

#: ``request.user``: a (swappable) user model instance or AnonymousUser; None counts as signed out.
AnyUser = AbstractBaseUser | AnonymousUser | None


def current_sip_assignments(*, on: datetime.date | None = None) -> QuerySet[SIPAssignment]:
    """Assignments running on ``on`` (today by default): started, and not ended before that day."""
    return SIPAssignment.objects.filter(current_sip_assignment_q(on=on))


def current_sip_assignment_q(*, on: datetime.date | None = None, prefix: str = "") -> Q:
    """The same rule as a ``Q``; a ``prefix`` such as ``"sip_assignments__"`` applies it from a School."""
    on = on or timezone.localdate()
    return Q(**{f"{prefix}starts_on__lte": on}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": on})
    )


# Roles ------------------------------------------------------------------------------------------


def _is_signed_in(user: AnyUser) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _is_superuser(user: AnyUser) -> bool:
    return _is_signed_in(user) and user.is_superuser


def _in_group(user: AnyUser, name: str) -> bool:
    if not _is_signed_in(user) or user.is_superuser:
        return False
    return user.groups.filter(name=name).exists()


def is_aspirant(user: AnyUser) -> bool:
    """In the "Aspirant leaders" group (superusers are not)."""
    return _in_group(user, ASPIRANT_LEADERS)


def is_sip(user: AnyUser) -> bool:
    """In the "School Improvement Partners" group (superusers are not)."""
    return _in_group(user, SCHOOL_IMPROVEMENT_PARTNERS)


def is_la_officer(user: AnyUser) -> bool:
    """In the "LA officers" group (superusers are not)."""
    return _in_group(user, LA_OFFICERS)


# The rules, as conditions on AspirantProfile ----------------------------------------------------


def _owner_q(user: AnyUser) -> Q:
    return Q(user=user)


def _sip_school_ids(user: AnyUser) -> QuerySet:
    """Subquery: schools currently assigned to ``user``, a SIP, within the SIP's own LA."""
    return (
        current_sip_assignments()
        .filter(
            sip=user,
            sip__groups__name=SCHOOL_IMPROVEMENT_PARTNERS,
            school__local_authority__staff_memberships__user=user,
        )
        .values("school_id")
    )


def _officer_local_authority_ids(user: AnyUser) -> QuerySet:
    """Subquery: the LA of ``user``, an LA officer."""
    return LocalAuthorityMembership.objects.filter(user=user, user__groups__name=LA_OFFICERS).values(
        "local_authority_id"
    )


def _sip_q(user: AnyUser) -> Q:
    """Profiles at a school currently assigned to ``user``, a SIP, within the SIP's own LA."""
    return Q(school_id__in=_sip_school_ids(user))


def _officer_q(user: AnyUser) -> Q:
    """Profiles at any school in the LA of ``user``, an LA officer."""
    return Q(school__local_authority_id__in=_officer_local_authority_ids(user))


def _reviewer_q(user: AnyUser) -> Q:
    return (_sip_q(user) | _officer_q(user)) & ~_owner_q(user)


def _profiles_where(user: AnyUser, rule: Callable[[AnyUser], Q]) -> QuerySet[AspirantProfile]:
    """Profiles matching ``rule``: none for the signed out and inactive, all for superusers."""
    profiles = AspirantProfile.objects.all()
    if not _is_signed_in(user):
        return profiles.none()
    if user.is_superuser:
        return profiles
    return profiles.filter(rule(user))


def _contains(profiles: QuerySet[AspirantProfile], profile: AspirantProfile) -> bool:
    return profiles.filter(pk=profile.pk).exists()


# Querysets: what a user may see or change -------------------------------------------------------


def profiles_visible_to(user: AnyUser) -> QuerySet[AspirantProfile]:
    """Every profile ``user`` may read: their own, their assigned schools' (SIP), their LA's (officer)."""
    return _profiles_where(user, lambda u: _owner_q(u) | _reviewer_q(u))


def profiles_reviewable_by(user: AnyUser) -> QuerySet[AspirantProfile]:
    """Profiles ``user`` reviews and follows up as a SIP or officer (the review list); never their own."""
    return _profiles_where(user, _reviewer_q)


def profiles_manageable_by(user: AnyUser) -> QuerySet[AspirantProfile]:
    """Profiles ``user`` manages in the admin as an LA officer: every one in their LA."""
    return _profiles_where(user, _officer_q)


def profiles_editable_by(user: AnyUser) -> QuerySet[AspirantProfile]:
    """The profile ``user`` may change, export and delete from the aspirant's pages: their own."""
    return _profiles_where(user, _owner_q)


def schools_reviewable_by(user: AnyUser) -> QuerySet[School]:
    """Schools whose aspirants ``user`` reviews: a SIP's current schools in their LA, an officer's LA."""
    schools = School.objects.all()
    if not _is_signed_in(user):
        return schools.none()
    if user.is_superuser:
        return schools
    return schools.filter(
        Q(pk__in=_sip_school_ids(user)) | Q(local_authority_id__in=_officer_local_authority_ids(user))
    )


def career_steps_editable_by(user: AnyUser) -> QuerySet[CareerStep]:
    """Steps ``user`` may change: their own. ``get_object_or_404`` on it answers 404 for anyone else's."""
    steps = CareerStep.objects.all()
    if not _is_signed_in(user):
        return steps.none()
    return steps if user.is_superuser else steps.filter(profile__user=user)


def quality_ratings_editable_by(user: AnyUser) -> QuerySet[QualityRating]:
    """Self-ratings ``user`` may change: their own."""
    ratings = QualityRating.objects.all()
    if not _is_signed_in(user):
        return ratings.none()
    return ratings if user.is_superuser else ratings.filter(profile__user=user)


# The admin: what an LA officer manages ----------------------------------------------------------


def _where(queryset: QuerySet, user: AnyUser, condition: Callable[[AnyUser], Q]) -> QuerySet:
    """``queryset`` narrowed by ``condition``: none for the signed out and inactive, all for superusers."""
    if not _is_signed_in(user):
        return queryset.none()
    return queryset if user.is_superuser else queryset.filter(condition(user))


def schools_manageable_by(user: AnyUser) -> QuerySet[School]:
    """Schools in the LA of ``user``, an LA officer: the schools they assign SIPs to and file aspirants at."""
    return _where(
        School.objects.all(), user, lambda u: Q(local_authority_id__in=_officer_local_authority_ids(u))
    )


def sip_assignments_manageable_by(user: AnyUser) -> QuerySet[SIPAssignment]:
    """SIP assignments at schools in the LA of ``user``, an LA officer."""
    return _where(
        SIPAssignment.objects.all(),
        user,
        lambda u: Q(school__local_authority_id__in=_officer_local_authority_ids(u)),
    )


def follow_ups_manageable_by(user: AnyUser) -> QuerySet[FollowUp]:
    """Follow-ups about the profiles ``user`` manages (``profiles_manageable_by``)."""
    return _where(
        FollowUp.objects.all(),
        user,
        lambda u: Q(profile__school__local_authority_id__in=_officer_local_authority_ids(u)),
    )


def sips_assignable_by(user: AnyUser) -> QuerySet:
    """Active School Improvement Partners ``user`` may assign to schools: those of the officer's own LA.

    A superuser may choose any SIP who belongs to an LA; a SIP reviews only schools in their own LA.
    """
    sips = get_user_model().objects.filter(
        is_active=True,
        groups__name=SCHOOL_IMPROVEMENT_PARTNERS,
        local_authority_membership__isnull=False,
    )
    return _where(
        sips,
        user,
        lambda u: Q(local_authority_membership__local_authority_id__in=_officer_local_authority_ids(u)),
    )


def local_authority_managers_q(local_authority_id: int | None) -> Q:
    """A condition on users: superusers, and the LA officers of ``local_authority_id``."""
    return Q(is_superuser=True) | Q(
        groups__name=LA_OFFICERS, local_authority_membership__local_authority_id=local_authority_id
    )


def _object_ids(queryset: QuerySet) -> QuerySet:
    """Subquery: the primary keys as text, to compare with a log entry's text ``object_id``.

    Casting this side, not ``object_id``, keeps ``object_id``'s index usable and never casts
    another model's non-numeric ids.
    """
    return queryset.order_by().annotate(object_key=Cast("pk", output_field=CharField())).values("object_key")


def _talent_pool_content_type_ids() -> list[int]:
    models = apps.get_app_config("talentpool").get_models()
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]


def _managed_log_entries_q(user: AnyUser) -> Q:
    """Log entries about the profiles, follow-ups and SIP assignments ``user`` manages.

    Only the signed-in non-superuser case; entries about any other talent pool model match nothing.
    """
    content_types = ContentType.objects.get_for_models(AspirantProfile, FollowUp, SIPAssignment)
    return (
        Q(
            content_type=content_types[AspirantProfile],
            object_id__in=_object_ids(profiles_manageable_by(user)),
        )
        | Q(content_type=content_types[FollowUp], object_id__in=_object_ids(follow_ups_manageable_by(user)))
        | Q(
            content_type=content_types[SIPAssignment],
            object_id__in=_object_ids(sip_assignments_manageable_by(user)),
        )
    )


def talent_pool_log_entries_visible_to(user: AnyUser) -> QuerySet[ModelLogEntry]:
    """Audit log entries about talent pool records: an officer's own LA's, every one for a superuser."""
    entries = ModelLogEntry.objects.filter(content_type_id__in=_talent_pool_content_type_ids())
    return _where(entries, user, _managed_log_entries_q)


def log_entries_outside_talent_pool_or_managed_q(user: AnyUser) -> Q:
    """A condition on ModelLogEntry for the admin's own log listings (such as "Site history").

    Wagtail shows anyone every entry about a model they hold any permission on; for the talent
    pool that would be every LA's. This keeps entries about other models, and of the talent
    pool's only those ``talent_pool_log_entries_visible_to(user)`` holds.
    """
    if _is_superuser(user):
        return Q()
    outside = ~Q(content_type_id__in=_talent_pool_content_type_ids())
    if not _is_signed_in(user):
        return outside
    return outside | _managed_log_entries_q(user)


# Yes or no, for one profile or page -------------------------------------------------------------


def _is_owner(user: AnyUser, profile: AspirantProfile) -> bool:
    return _is_signed_in(user) and profile.user_id == user.pk


def user_can_view_profile(user: AnyUser, profile: AspirantProfile) -> bool:
    """Whether ``profile`` is in ``profiles_visible_to(user)``; no query for its owner or a superuser."""
    if _is_owner(user, profile) or _is_superuser(user):
        return True
    return _is_signed_in(user) and _contains(profiles_visible_to(user), profile)


def user_can_edit_profile(user: AnyUser, profile: AspirantProfile) -> bool:
    """Its owner (and a superuser) changes, exports or deletes a profile. No query."""
    return _is_owner(user, profile) or _is_superuser(user)


def user_can_record_follow_up(user: AnyUser, profile: AspirantProfile) -> bool:
    """A current SIP of the profile's school or an officer of its LA; never the aspirant themselves."""
    if _is_superuser(user):
        return True
    if not _is_signed_in(user) or _is_owner(user, profile):
        return False
    return _contains(profiles_reviewable_by(user), profile)


def user_can_manage_profile(user: AnyUser, profile: AspirantProfile) -> bool:
    """An officer of the profile's LA (and a superuser)."""
    if _is_superuser(user):
        return True
    return _is_signed_in(user) and _contains(profiles_manageable_by(user), profile)


def user_can_manage_follow_up(user: AnyUser, follow_up: FollowUp) -> bool:
    """An officer of the LA of the follow-up's aspirant (and a superuser)."""
    if _is_superuser(user):
        return True
    return _is_signed_in(user) and follow_ups_manageable_by(user).filter(pk=follow_up.pk).exists()


def user_can_manage_sip_assignment(user: AnyUser, assignment: SIPAssignment) -> bool:
    """An officer of the LA of the assignment's school (and a superuser)."""
    if _is_superuser(user):
        return True
    return _is_signed_in(user) and sip_assignments_manageable_by(user).filter(pk=assignment.pk).exists()


def _is_officer_of_an_la(user: AnyUser) -> bool:
    """An LA officer who belongs to an LA, or a superuser."""
    if _is_superuser(user):
        return True
    return (
        _is_signed_in(user)
        and LocalAuthorityMembership.objects.filter(user=user, user__groups__name=LA_OFFICERS).exists()
    )


def user_can_view_talent_pool_audit_log(user: AnyUser) -> bool:
    """LA officers who belong to an LA (and superusers) read the talent pool's audit log in the admin.

    Which entries they see is still only ``talent_pool_log_entries_visible_to(user)``.
    """
    return _is_officer_of_an_la(user)


def user_can_review_talent_pool(user: AnyUser) -> bool:
    """SIPs and LA officers who belong to an LA (and superusers) use the review pages.

    Which aspirants they see there is still only ``profiles_reviewable_by(user)``.
    """
    if _is_superuser(user):
        return True
    return (
        _is_signed_in(user)
        and LocalAuthorityMembership.objects.filter(
            user=user, user__groups__name__in=[SCHOOL_IMPROVEMENT_PARTNERS, LA_OFFICERS]
        ).exists()
    )


def user_can_export_profile_list(user: AnyUser) -> bool:
    """Everyone who reviews may export their (filtered) list; it holds only what they may see."""
    return user_can_review_talent_pool(user)


def user_can_use_pathway(user: AnyUser) -> bool:
    """The aspirant's own pages ("My leadership pathway") are for aspirant leaders."""
    return is_aspirant(user)


def user_can_view_pipeline_report(user: AnyUser) -> bool:
    """LA officers who belong to an LA (and superusers) see the leadership pipeline report.

    The numbers in it still come only from ``profiles_manageable_by(user)``: an officer's own LA.
    """
    return _is_officer_of_an_la(user)
