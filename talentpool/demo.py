"""The talent pool's demo records, added by `manage.py load_demo` through its "load_demo" hook.

In development only (with_users): an aspirant leader and a School Improvement Partner for four
Bedford schools, with verified email addresses so they can sign in straight away, Bedford LA
membership for the demo LA officer, and an invented talent pool for them to review
(``demo_pool.py``).
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from programmes.demo.loader import LoadResult
from programmes.demo.users import DEMO_USERS, DemoUser

from .demo_pool import add_demo_pool, demo_pool_schools
from .models import LocalAuthorityMembership, SIPAssignment
from .roles import ASPIRANT_LEADERS, SCHOOL_IMPROVEMENT_PARTNERS

DEMO_LOCAL_AUTHORITY = "bedford"
SIGN_IN_URL = "http://127.0.0.1:8000/account/login/"

TALENT_POOL_DEMO_USERS = (
    DemoUser(
        username="aspirant",
        password="aspirant-portal-demo",  # noqa: S106 - development only
        first_name="Amira",
        last_name="Aspirant",
        role=f"aspirant leader: signs in at {SIGN_IN_URL} with aspirant@example.org",
        group_name=ASPIRANT_LEADERS,
    ),
    DemoUser(
        username="sip",
        password="sip-portal-demo",  # noqa: S106 - development only
        first_name="Sam",
        last_name="Partner",
        role=f"School Improvement Partner for four Bedford schools: signs in at {SIGN_IN_URL}",
        group_name=SCHOOL_IMPROVEMENT_PARTNERS,
    ),
)
STAFF_USERNAMES = ("officer", "sip")


def add_talent_pool_demo(*, result: LoadResult, with_users: bool, schools_by_authority: dict) -> None:
    if not with_users:
        return
    user_model = get_user_model()
    for demo in TALENT_POOL_DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=demo.username,
            defaults={"email": demo.email, "first_name": demo.first_name, "last_name": demo.last_name},
        )
        if created:
            user.set_password(demo.password)
            user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=demo.group_name))
        result.users.append((demo, created))
        result.record("Demo users", created=created)

    bedford_schools = schools_by_authority[DEMO_LOCAL_AUTHORITY]
    staff = user_model.objects.filter(username__in=STAFF_USERNAMES)
    for user in staff:
        LocalAuthorityMembership.objects.get_or_create(
            user=user, defaults={"local_authority": bedford_schools[0].local_authority}
        )
    sip = staff.filter(username="sip").first()
    pool_schools = demo_pool_schools(bedford_schools)
    if sip:
        for school in pool_schools:
            SIPAssignment.objects.get_or_create(
                sip=sip,
                school=school,
                defaults={"starts_on": timezone.localdate() - datetime.timedelta(days=200)},
            )
    add_demo_pool(result=result, schools=pool_schools, sip=sip)
    # Every demo user signs in with their address already verified.
    demo_usernames = [demo.username for demo in (*DEMO_USERS, *TALENT_POOL_DEMO_USERS)]
    for user in user_model.objects.filter(username__in=demo_usernames):
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
