"""load_demo's talent pool records: made in development only, safe to run twice."""

from io import StringIO

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command

from talentpool.demo import TALENT_POOL_DEMO_USERS
from talentpool.models import LocalAuthorityMembership, SIPAssignment
from talentpool.permissions import is_aspirant, is_sip


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
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == len(users)
    assert LocalAuthorityMembership.objects.get(user=users["sip"]).local_authority.slug == "bedford"
    assert LocalAuthorityMembership.objects.get(user=users["officer"]).local_authority.slug == "bedford"
    assert SIPAssignment.objects.get(sip=users["sip"]).school.local_authority.slug == "bedford"


def test_running_twice_adds_nothing(db, settings):
    settings.DEBUG = True
    load_demo()
    models = (EmailAddress, LocalAuthorityMembership, SIPAssignment)
    counts = [model.objects.count() for model in models]

    load_demo()

    assert [model.objects.count() for model in models] == counts


def test_no_talent_pool_users_outside_development(db, settings):
    settings.DEBUG = False

    load_demo()

    assert not get_user_model().objects.exists()
    assert not LocalAuthorityMembership.objects.exists()
