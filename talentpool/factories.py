"""Factories for the talent pool. Other apps' tests and the benchmarks import these."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from home.factories import UserFactory
from programmes.factories import LocalAuthorityFactory, SchoolFactory
from programmes.models import CareerStage

from .models import (
    AspirantProfile,
    CareerStep,
    FollowUp,
    LeadershipQuality,
    LocalAuthorityMembership,
    ProgrammeInterest,
    QualityRating,
    Readiness,
    SIPAssignment,
)
from .roles import ASPIRANT_LEADERS, SCHOOL_IMPROVEMENT_PARTNERS


def _career_stage(slug: str) -> CareerStage:
    return CareerStage.objects.get(slug=slug)


class AspirantProfileFactory(factory.django.DjangoModelFactory):
    """A complete profile for a user in the "Aspirant leaders" group."""

    class Meta:
        model = AspirantProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    current_role = factory.LazyFunction(lambda: _career_stage("teacher"))
    years_in_role = 3
    target_role = factory.LazyFunction(lambda: _career_stage("middle-leader"))
    readiness = Readiness.ONE_TO_TWO_YEARS
    qualifications = factory.LazyFunction(lambda: {"held": [], "in_progress": ["npqlt"], "other": ""})
    statement = "I want to lead a subject across our federation."

    @factory.post_generation
    def in_aspirant_group(self, create, extracted, **kwargs):
        if create:
            self.user.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))


class CareerStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerStep

    profile = factory.SubFactory(AspirantProfileFactory)
    title = factory.Sequence(lambda n: f"Lead a whole-school project {n}")
    target_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))


class ProgrammeInterestFactory(factory.django.DjangoModelFactory):
    """Needs ``programme=``: a live ProgrammePage (see programmes.factories)."""

    class Meta:
        model = ProgrammeInterest

    profile = factory.SubFactory(AspirantProfileFactory)


class QualityRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QualityRating

    profile = factory.SubFactory(AspirantProfileFactory)
    quality = factory.LazyFunction(lambda: LeadershipQuality.objects.first())
    rating = 3
    evidence = "I led our phase team's planning this year."


def staff_user(*, group: str, local_authority, **kwargs):
    """An officer or SIP: in ``group`` and a member of ``local_authority``."""
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group))
    LocalAuthorityMembership.objects.create(user=user, local_authority=local_authority)
    return user


class SIPAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SIPAssignment

    sip = factory.LazyAttribute(
        lambda assignment: staff_user(
            group=SCHOOL_IMPROVEMENT_PARTNERS, local_authority=assignment.school.local_authority
        )
    )
    school = factory.SubFactory(SchoolFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    ends_on = None


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    profile = factory.SubFactory(AspirantProfileFactory)
    author = None
    visit_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    notes = "Talked through the plan to lead the reading project."
    agreed_actions = "Shadow the deputy at two SLT meetings."


__all__ = [
    "AspirantProfileFactory",
    "CareerStepFactory",
    "FollowUpFactory",
    "LocalAuthorityFactory",
    "ProgrammeInterestFactory",
    "QualityRatingFactory",
    "SIPAssignmentFactory",
    "staff_user",
]
