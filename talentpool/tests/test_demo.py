"""load_demo's talent pool records: made in development only, safe to run twice."""

from io import StringIO

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from talentpool.demo import TALENT_POOL_DEMO_USERS
from talentpool.demo_pool import PEOPLE
from talentpool.models import AspirantProfile, CareerStep, FollowUp, LocalAuthorityMembership, SIPAssignment
from talentpool.permissions import is_aspirant, is_sip, profiles_reviewable_by


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_development_demo_has_an_aspirant_and_a_sip_who_can_sign_in(db, settings):
    settings.DEBUG = True

    output = load_demo()

    users = {user.username: user for user in get_user_model().objects.all()}
    assert is_aspirant(users["aspirant"])
    assert is_sip(users["sip"])
    for demo in TALENT_POOL_DEMO_USERS:
        assert users[demo.username].check_password(demo.password)
        assert f"{demo.username} / {demo.password}" in output
    sign_in_users = [user for name, user in users.items() if not name.startswith("demo-")]
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == len(sign_in_users)
    assert LocalAuthorityMembership.objects.get(user=users["sip"]).local_authority.slug == "bedford"
    assert LocalAuthorityMembership.objects.get(user=users["officer"]).local_authority.slug == "bedford"
    assignments = SIPAssignment.objects.filter(sip=users["sip"])
    assert {assignment.school.local_authority.slug for assignment in assignments} == {"bedford"}
    assert assignments.count() == 4


def test_the_demo_sip_has_a_talent_pool_to_review(db, settings):
    settings.DEBUG = True
    load_demo()
    sip = get_user_model().objects.get(username="sip")

    pool = profiles_reviewable_by(sip)

    assert pool.count() == len(PEOPLE)
    assert pool.filter(next_follow_up_due__lt=timezone.localdate()).exists()  # some are overdue
    assert pool.filter(next_follow_up_due__gte=timezone.localdate()).exists()
    assert all(
        not user.has_usable_password() for user in get_user_model().objects.filter(aspirant_profile__in=pool)
    )


def test_running_twice_adds_nothing(db, settings):
    settings.DEBUG = True
    load_demo()
    models = (EmailAddress, LocalAuthorityMembership, SIPAssignment, AspirantProfile, CareerStep, FollowUp)
    counts = [model.objects.count() for model in models]

    load_demo()

    assert [model.objects.count() for model in models] == counts


def test_no_talent_pool_users_outside_development(db, settings):
    settings.DEBUG = False

    load_demo()

    assert not get_user_model().objects.exists()
    assert not LocalAuthorityMembership.objects.exists()
