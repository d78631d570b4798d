"""DESIGN.md's "Who may see what" as one generated test: every role against every talent pool URL.

The record under test is Asha Patel's, at Oakfield Primary in Bedford (the ``talent_pool``
fixture). Each case says what the person should get:

- ``shown``: the page opens and shows Asha's record (her name is in it);
- ``ok``: the page opens (for an aspirant, their own pages; for a reviewer, a list without Asha);
- ``hidden``: the page opens, but nothing about Asha is in it;
- ``login``: they are sent to sign in;
- ``redirect``: they are sent on somewhere else (the programme page, after registering interest);
- ``403`` / ``404``: refused, and the body holds nothing about Asha.
"""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from home.factories import UserFactory
from programmes.factories import ProgrammePageFactory
from talentpool.factories import CareerStepFactory

SHOWN, OK, HIDDEN, LOGIN, REDIRECT = "shown", "ok", "hidden", "login", "redirect"

ROLES = [
    "anonymous",
    "aspirant",
    "another_aspirant",
    "sip_of_school",
    "sip_of_other_school",
    "sip_assignment_ended",
    "officer",
    "officer_of_other_la",
    "superuser",
]

# The aspirant's own pages: open to aspirant leaders, each seeing only their own.
PATHWAY = {
    "anonymous": LOGIN,
    "aspirant": OK,
    "another_aspirant": HIDDEN,
    "sip_of_school": "403",
    "sip_of_other_school": "403",
    "sip_assignment_ended": "403",
    "officer": "403",
    "officer_of_other_la": "403",
    "superuser": "403",
}
# Asha's own career step: nobody else's object, so 404 for anyone who is not her.
ASHAS_STEP = {**PATHWAY, "another_aspirant": "404", **dict.fromkeys(ROLES[3:8], "404"), "superuser": "403"}
# Lists for reviewers: each sees only the aspirants they review.
REVIEW_LIST = {
    "anonymous": LOGIN,
    "aspirant": "403",
    "another_aspirant": "403",
    "sip_of_school": SHOWN,
    "sip_of_other_school": HIDDEN,
    "sip_assignment_ended": HIDDEN,
    "officer": SHOWN,
    "officer_of_other_la": HIDDEN,
    "superuser": SHOWN,
}
# Asha's record as a reviewer sees it: 404 for reviewers whose schools or LA it is outside.
ASHAS_RECORD = {
    **REVIEW_LIST,
    "sip_of_other_school": "404",
    "sip_assignment_ended": "404",
    "officer_of_other_la": "404",
}
PUBLIC = dict.fromkeys(ROLES, HIDDEN)

# (method, url name, arguments from the world, POST data, expected by role)
CASES = {
    "dashboard": ("get", "talentpool:dashboard", None, None, PATHWAY),
    "profile_edit": ("get", "talentpool:profile_edit", None, None, PATHWAY),
    "career_step_add": ("get", "talentpool:career_step_add", None, None, PATHWAY),
    "career_step_edit": ("get", "talentpool:career_step_edit", "step", None, ASHAS_STEP),
    "career_step_status": ("post", "talentpool:career_step_status", "step", {}, ASHAS_STEP),
    "self_assessment": ("get", "talentpool:self_assessment", None, None, PATHWAY),
    "register_interest": (
        "get",
        "talentpool:register_interest",
        "programme",
        None,
        {**PATHWAY, "aspirant": REDIRECT, "another_aspirant": REDIRECT},
    ),
    "export_my_data": ("get", "talentpool:export_my_data", None, None, PATHWAY),
    "delete_account": ("get", "talentpool:delete_account", None, None, PATHWAY),
    "account_deleted": ("get", "talentpool:account_deleted", None, None, PUBLIC),
    "review_list": ("get", "talentpool:review_list", None, None, REVIEW_LIST),
    "review_list_searched": ("get", "talentpool:review_list", "search", None, REVIEW_LIST),
    "due_follow_ups": ("get", "talentpool:due_follow_ups", None, None, REVIEW_LIST),
    "review_export_csv": ("get", "talentpool:review_export", "csv", None, REVIEW_LIST),
    "review_export_xlsx": ("get", "talentpool:review_export", "xlsx", None, REVIEW_LIST),
    "review_detail": ("get", "talentpool:review_detail", "profile", None, ASHAS_RECORD),
    "follow_up_add": ("get", "talentpool:follow_up_add", "profile", None, ASHAS_RECORD),
    "follow_up_add_post": ("post", "talentpool:follow_up_add", "profile", {"notes": ""}, ASHAS_RECORD),
}


@pytest.fixture
def world(talent_pool, site_tree):
    tp = talent_pool
    # Due for a follow-up, so she is on the due list of whoever reviews her.
    type(tp.profile).objects.filter(pk=tp.profile.pk).update(
        next_follow_up_due=timezone.localdate() - datetime.timedelta(days=1)
    )
    tp.step = CareerStepFactory(profile=tp.profile, title="Lead the phonics review")
    tp.programme = ProgrammePageFactory(parent=site_tree["programme_index"])
    tp.superuser = UserFactory(is_superuser=True, is_staff=True)
    # Faker's British names include Patel: everyone else gets a name that cannot be mistaken for hers.
    for number, user in enumerate(get_user_model().objects.exclude(pk=tp.aspirant.pk)):
        user.first_name, user.last_name = "Person", f"Number {number}"
        user.save(update_fields=["first_name", "last_name"])
    return tp


def _url(world, name: str, argument: str | None) -> str:
    if argument == "step":
        return reverse(name, args=[world.step.pk])
    if argument == "programme":
        return reverse(name, args=[world.programme.pk])
    if argument == "profile":
        return reverse(name, args=[world.profile.pk])
    if argument in ("csv", "xlsx"):
        return reverse(name, args=[argument])
    if argument == "search":
        # Part of her email address: the box shows the search again, so it must not be a clue itself.
        return reverse(name) + "?search=aspirant%40example&sort=school"
    return reverse(name)


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
        )
    return body.decode("utf-8", errors="replace")


def _about_asha(world, text: str) -> bool:
    return any(clue in text for clue in ("Asha", "Patel", world.aspirant.email))


@pytest.mark.parametrize(
    ("case", "role"), [(case, role) for case in CASES for role in ROLES], ids=lambda value: value
)
def test_every_role_against_every_talent_pool_url(client, world, case, role):
    method, name, argument, data, expected_by_role = CASES[case]
    expected = expected_by_role[role]
    user = AnonymousUser() if role == "anonymous" else getattr(world, role)
    if user.is_authenticated:
        client.force_login(user)
    url = _url(world, name, argument)

    response = client.post(url, data) if method == "post" else client.get(url)

    text = _text(response)
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif expected == REDIRECT:
        assert response.status_code == 302
        assert not response["Location"].startswith(reverse("account_login"))
    elif expected in ("403", "404"):
        assert response.status_code == int(expected)
        assert not _about_asha(world, text), "a refusal must not say anything about the aspirant"
    else:
        # A form posted with a mistake is shown again with its errors (200 or 400).
        assert response.status_code in ((200, 400) if method == "post" else (200,))
        if expected == SHOWN:
            assert "Patel" in text
        elif expected == HIDDEN:
            assert not _about_asha(world, text), f"{role} must not see the aspirant on {case}"


def test_the_matrix_is_big_enough():
    assert len(CASES) * len(ROLES) >= 100


def test_a_refused_page_says_so_in_the_sites_own_style(client, talent_pool):
    client.force_login(talent_pool.aspirant)
    response = client.get(reverse("talentpool:review_list"))
    assert response.status_code == 403
    assert "You cannot see this page" in response.text
    assert 'class="govuk-template' in response.text
