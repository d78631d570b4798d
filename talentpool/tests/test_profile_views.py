"""Complete your profile, as an aspirant uses it: load the form, fill it in, save, and get told why not."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from home.factories import UserFactory
from portal.testing.browser import assert_no_serious_axe_violations, visit
from programmes.factories import SchoolFactory, career_stage
from talentpool.models import AspirantProfile, Readiness
from talentpool.roles import ASPIRANT_LEADERS

URL = reverse("talentpool:profile_edit")
STALE_MESSAGE = "This profile was changed in another tab or window."


def form_data(response, **changes) -> dict:
    """What the browser would send back from the form as shown, with ``changes`` made by the person."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False):
            continue
        if value is True:
            value = "on"
        data[name] = [str(item) for item in value] if isinstance(value, list | tuple) else str(value)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


@pytest.fixture
def new_aspirant(db):
    """Someone who has just signed up: in the aspirant group, no profile yet."""
    user = UserFactory(username="newcomer")
    user.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))
    return user


def complete_answers(school) -> dict:
    return {
        "school": str(school.pk),
        "current_role": str(career_stage("teacher").pk),
        "years_in_role": "4",
        "target_role": str(career_stage("middle-leader").pk),
        "readiness": Readiness.ONE_TO_TWO_YEARS,
        "qualifications_held": ["npqlt"],
        "qualifications_in_progress": ["npqsl"],
        "qualifications_other": "Forest school leader",
        "statement": "I want to lead maths across our trust.",
        "rising_stars_consent": "on",
    }


def test_first_visit_shows_an_empty_form_with_every_question(client, new_aspirant, talent_pool):
    client.force_login(new_aspirant)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Complete your profile" in html
    # Schools are grouped by local authority, with a first option that chooses nothing.
    assert '<optgroup label="Bedford">' in html
    assert "Oakfield Primary" in html and "Riverside Academy" in html
    assert '<option value="">Choose your school</option>' in html
    for label in (
        "Your current role",
        "Years in your current role",
        "The role you are aiming for",
        "When do you think you will be ready for that role?",
        "Qualifications you hold (optional)",
        "Qualifications you are working towards (optional)",
        "Other qualifications (optional)",
        "About you and your aims (optional)",
        "Rising Stars list (optional)",
        "You can take yourself off the list at any time",
    ):
        assert label in html
    assert 'name="version" value="1"' in html
    # Qualifications are two groups of checkboxes (tick any number), readiness is radios.
    assert 'name="qualifications_held" type="checkbox" value="npqh"' in html
    assert 'name="qualifications_in_progress" type="checkbox" value="npqh"' in html
    assert 'name="readiness" type="radio" value="ready-now"' in html
    assert AspirantProfile.objects.get(user=new_aspirant).version == 1


def test_filling_in_the_form_saves_it_and_shows_the_dashboard_with_a_success_banner(
    client, new_aspirant, talent_pool
):
    client.force_login(new_aspirant)
    response = client.get(URL)
    response = client.post(URL, form_data(response, **complete_answers(talent_pool.school)), follow=True)

    assert response.redirect_chain == [(reverse("talentpool:dashboard"), 302)]
    html = response.content.decode()
    assert "govuk-notification-banner--success" in html
    assert "Your profile has been saved." in html
    assert "Your profile is not complete yet" not in html
    profile = AspirantProfile.objects.get(user=new_aspirant)
    assert profile.school == talent_pool.school
    assert profile.current_role.slug == "teacher"
    assert profile.years_in_role == 4
    assert profile.target_role.slug == "middle-leader"
    assert profile.readiness == Readiness.ONE_TO_TWO_YEARS
    assert profile.qualifications == {
        "held": ["npqlt"],
        "in_progress": ["npqsl"],
        "other": "Forest school leader",
    }
    assert profile.statement == "I want to lead maths across our trust."
    assert profile.rising_stars_consent is True
    assert profile.rising_stars_consent_changed_at is not None
    assert profile.version == 2


def test_the_form_shows_what_is_saved(client, talent_pool):
    client.force_login(talent_pool.aspirant)
    response = client.get(URL)
    html = response.content.decode()
    assert f'<option value="{talent_pool.school.pk}" selected>Oakfield Primary</option>' in html
    assert 'value="1-2-years" checked' in html
    assert 'value="npqlt" checked' in html
    assert "I want to lead a subject across our federation." in html


def test_unticking_rising_stars_withdraws_consent(client, talent_pool):
    profile = talent_pool.profile
    AspirantProfile.objects.filter(pk=profile.pk).update(rising_stars_consent=True)
    client.force_login(talent_pool.aspirant)
    response = client.get(URL)
    assert 'id="id_rising_stars_consent" name="rising_stars_consent" type="checkbox" value="on" checked' in (
        response.content.decode()
    )
    client.post(URL, form_data(response, rising_stars_consent=None))
    profile.refresh_from_db()
    assert profile.rising_stars_consent is False
    assert profile.rising_stars_consent_changed_at is not None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"years_in_role": "99"}, "years_in_role", "Years in role must be 60 or fewer."),
        ({"years_in_role": "three"}, "years_in_role", "Enter your years in role as a whole number"),
        (
            {"readiness": None},
            "readiness",
            "Choose when you think you will be ready for the role you are aiming for.",
        ),
        ({"school": None}, "school", "Choose your school from the list."),
        ({"school": "999999"}, "school", "Choose your school from the list."),
        (
            {"qualifications_held": ["npqh"], "qualifications_in_progress": ["npqh"]},
            "qualifications_held",
            "NPQ for Headship cannot be both held and in progress.",
        ),
        ({"statement": "x" * 1501}, "statement", "Your statement must be 1,500 characters or fewer."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
    client, talent_pool, changes, field, message
):
    profile = talent_pool.profile
    before = AspirantProfile.objects.get(pk=profile.pk)
    client.force_login(talent_pool.aspirant)
    response = client.get(URL)
    data = form_data(response, **{"statement": "My new statement, typed but not saved.", **changes})
    response = client.post(URL, data)

    assert response.status_code == 200
    html = response.content.decode()
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in form.errors[field][0]
    # The error summary links to the field, and the field shows the message too.
    assert 'class="govuk-error-summary"' in html
    assert "There is a problem" in html
    target = f"id_{field}_0" if field in {"readiness", "qualifications_held"} else f"id_{field}"
    assert f'href="#{target}"' in html
    assert f'id="id_{field}-error"' in html
    assert html.count(message) >= 2
    assert "<title>Error:" in html
    # What they typed is kept.
    if field != "statement":
        assert "My new statement, typed but not saved." in html
    # Nothing is saved.
    after = AspirantProfile.objects.get(pk=profile.pk)
    assert after.version == before.version
    assert after.statement == before.statement
    assert after.years_in_role == before.years_in_role
    assert after.readiness == before.readiness
    assert after.qualifications == before.qualifications


def test_what_was_typed_is_kept_after_an_error(client, talent_pool):
    client.force_login(talent_pool.aspirant)
    response = client.get(URL)
    data = form_data(
        response,
        years_in_role="99",
        qualifications_held=["npqh", "npqsl"],
        qualifications_in_progress=["npqh"],
        qualifications_other="Typed other",
    )
    html = client.post(URL, data).content.decode()
    assert 'value="99"' in html
    assert 'value="npqsl" checked' in html
    assert 'value="Typed other"' in html
    assert "Years in role must be 60 or fewer." in html
    assert "NPQ for Headship cannot be both held and in progress." in html


def test_two_tabs_the_second_save_is_told_and_shown_the_newer_version(client, talent_pool):
    profile = talent_pool.profile
    client.force_login(talent_pool.aspirant)
    first_tab = client.get(URL)
    second_tab = client.get(URL)

    response = client.post(
        URL, form_data(first_tab, statement="Saved from the first tab.", years_in_role="5")
    )
    assert response.status_code == 302

    response = client.post(
        URL, form_data(second_tab, statement="Typed in the second tab.", years_in_role="9")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert STALE_MESSAGE in html
    assert "Here is the latest version; check it and make your changes again." in html
    assert "govuk-notification-banner" in html
    # The newer saved values are shown, with the newer version to edit from.
    assert "Saved from the first tab." in html
    assert "Typed in the second tab." not in html
    assert 'value="5"' in html
    assert 'name="version" value="2"' in html
    assert not response.context["form"].errors
    # The first save is kept.
    profile.refresh_from_db()
    assert profile.statement == "Saved from the first tab."
    assert profile.years_in_role == 5
    assert profile.version == 2

    # Saving again from the refreshed form works.
    response = client.post(URL, form_data(response, statement="Checked, then changed."))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.statement == "Checked, then changed."
    assert profile.version == 3


# Who may use the page ---------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, talent_pool):
    for method in (client.get, client.post):
        response = method(URL)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert AspirantProfile.objects.count() == 2


def test_another_aspirant_sees_and_saves_only_their_own_profile(client, talent_pool):
    client.force_login(talent_pool.another_aspirant)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    own = AspirantProfile.objects.get(user=talent_pool.another_aspirant)
    assert response.context["form"].initial["version"] == own.version
    assert "Asha" not in html and "Patel" not in html

    client.post(URL, form_data(response, statement="Mine, not Asha's."))
    talent_pool.profile.refresh_from_db()
    assert talent_pool.profile.statement == "I want to lead a subject across our federation."
    own.refresh_from_db()
    assert own.statement == "Mine, not Asha's."


@pytest.mark.parametrize(
    "role",
    ["sip_of_school", "sip_of_other_school", "sip_assignment_ended", "officer", "officer_of_other_la"],
)
def test_staff_are_refused_without_seeing_personal_data(client, talent_pool, role):
    user = getattr(talent_pool, role)
    client.force_login(user)
    for method in (client.get, client.post):
        response = method(URL, {"statement": "Not theirs to write."} if method == client.post else None)
        assert response.status_code == 403
        body = response.content.decode()
        for personal in ("Asha", "Patel", "aspirant", "federation"):
            assert personal not in body
    assert not AspirantProfile.objects.filter(user=user).exists()
    talent_pool.profile.refresh_from_db()
    assert talent_pool.profile.statement == "I want to lead a subject across our federation."


def test_a_rule_only_the_service_knows_is_shown_on_its_field(client, talent_pool, monkeypatch):
    """profile_update's ValidationError goes on the field it names; anything else goes above the form."""
    from django.core.exceptions import ValidationError

    from talentpool.views import profile as profile_views

    def refuse(**kwargs):
        raise ValidationError(
            {
                "years_in_role": ["Enter a number your school's records agree with."],
                "qualifications": ["Choose your qualifications from the list."],
                "__all__": ["Something about the whole profile."],
            }
        )

    monkeypatch.setattr(profile_views, "profile_update", refuse)
    client.force_login(talent_pool.aspirant)
    response = client.post(URL, form_data(client.get(URL), statement="Kept after the refusal."))
    form = response.context["form"]
    assert form.errors["years_in_role"] == ["Enter a number your school's records agree with."]
    assert form.errors["qualifications_held"] == ["Choose your qualifications from the list."]
    assert form.non_field_errors() == ["Something about the whole profile."]
    assert "Kept after the refusal." in response.content.decode()


# In Chromium, by keyboard alone ------------------------------------------------------------------


def tab_to(page, name: str, *, limit: int = 80) -> None:
    """Press Tab until the focused element has ``name`` (a form field) or is the button named ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; return e && (e.id || e.textContent.trim()); }"
        )
        if focused == name:
            return
    raise AssertionError(f"Tab never reached {name}")


@pytest.mark.browser
@pytest.mark.parametrize("page_fixture", ["browser_page", "phone_page"])
def test_completing_the_profile_by_keyboard_only(
    request, page_fixture, live_server, transactional_db, django_db_serialized_rollback
):
    page = request.getfixturevalue(page_fixture)
    SchoolFactory(name="Foxhill Infant School")
    user = UserFactory(username="keyboard", email="keyboard@example.org")
    user.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    # Signed in with a session cookie, so this test is about the profile form, not the sign-in page.
    client = Client()
    client.force_login(user)
    session_cookie = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": session_cookie, "value": client.cookies[session_cookie].value, "url": live_server.url}]
    )
    visit(page, URL)
    assert_no_serious_axe_violations(page)

    # Saving nothing: the error summary takes focus and links to each question.
    tab_to(page, "Save profile")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose your school from the list.")
    assert_no_serious_axe_violations(page)

    page.goto(URL)
    tab_to(page, "id_school")
    page.keyboard.type("Foxhill")  # a native select picks by typing
    tab_to(page, "id_current_role")
    page.keyboard.type("Teacher")
    tab_to(page, "id_years_in_role")
    page.keyboard.type("4")
    tab_to(page, "id_target_role")
    page.keyboard.type("Middle")
    tab_to(page, "id_readiness_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # In 1 to 2 years
    tab_to(page, "id_qualifications_held_0")
    page.keyboard.press("Space")
    tab_to(page, "id_qualifications_in_progress_6")
    page.keyboard.press("Space")
    tab_to(page, "id_statement")
    page.keyboard.type("I want to lead maths across our federation.")
    tab_to(page, "id_rising_stars_consent")
    page.keyboard.press("Space")
    tab_to(page, "Save profile")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(reverse("talentpool:dashboard")) + "$"))
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("Your profile has been saved.")
    assert_no_serious_axe_violations(page)
    profile = AspirantProfile.objects.select_related("school", "current_role", "target_role").get(user=user)
    assert profile.school.name == "Foxhill Infant School"
    assert profile.current_role.slug == "teacher"
    assert profile.years_in_role == 4
    assert profile.target_role.slug == "middle-leader"
    assert profile.readiness == Readiness.ONE_TO_TWO_YEARS
    assert profile.qualifications == {"held": ["npqlt"], "in_progress": ["npqsl"], "other": ""}
    assert profile.statement == "I want to lead maths across our federation."
    assert profile.rising_stars_consent is True
