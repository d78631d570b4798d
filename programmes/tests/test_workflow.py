"""Programme pages go live only after LA sign-off: officers submit, moderators approve."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from programmes.factories import LocalAuthorityFactory, ProgrammePageFactory, career_stage
from programmes.models import ProgrammePage
from programmes.roles import LA_SIGN_OFF_WORKFLOW

pytestmark = pytest.mark.django_db


def edit_form_data(response, **changes):
    """What the admin's page form would send back, with the given fields changed."""
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.setdefault("body-count", "0")
    for name, value in changes.items():
        if isinstance(value, list):
            data.setlist(name, [str(item) for item in value])
        else:
            data[name] = str(value)
    return data


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("programmes", "programmepage", index.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def create_programme(client, index, action: str, **changes):
    """Fill in the admin's "new programme page" form and press the button for ``action``."""
    form = client.get(add_url(index))
    thurrock = LocalAuthorityFactory(name="Thurrock")
    fields = {
        "title": "Terrific Teams",
        "slug": "terrific-teams",
        "summary": "Helps middle leaders build strong teams.",
        "status": "open",
        "local_authorities": [thurrock.pk],
        "audiences": [career_stage("middle-leader").pk],
        f"action-{action}": "1",
    }
    fields.update(changes)
    return client.post(add_url(index), edit_form_data(form, **fields))


def approve(client, page):
    task_state = page.current_workflow_task_state
    assert task_state is not None, "the page is not waiting for approval"
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": ""}, follow=True)


def public_status(client, page) -> int:
    return client.get(f"{page.get_parent().url}{page.slug}/").status_code


# --- An officer creates a programme --------------------------------------------------------


def test_officer_submitting_a_new_programme_sends_it_to_la_sign_off(client, site_tree, la_officer):
    client.force_login(la_officer)

    response = create_programme(client, site_tree["programme_index"], "submit")

    assert response.status_code == 302
    page = ProgrammePage.objects.get(slug="terrific-teams")
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == LA_SIGN_OFF_WORKFLOW
    assert page.current_workflow_task.name == "Moderator approval"


def test_a_submitted_programme_is_not_live(client, site_tree, la_officer):
    client.force_login(la_officer)
    create_programme(client, site_tree["programme_index"], "submit")
    client.logout()

    page = ProgrammePage.objects.get(slug="terrific-teams")
    assert not page.live
    assert public_status(client, page) == 404


def test_officer_is_not_offered_a_publish_button(client, site_tree, la_officer):
    client.force_login(la_officer)

    content = client.get(add_url(site_tree["programme_index"])).content.decode()

    assert 'name="action-submit"' in content
    assert 'name="action-publish"' not in content


def test_officer_cannot_publish_directly(client, site_tree, la_officer):
    client.force_login(la_officer)

    create_programme(client, site_tree["programme_index"], "publish")

    page = ProgrammePage.objects.get(slug="terrific-teams")
    assert not page.live
    assert not page.workflow_in_progress


def test_officer_cannot_publish_an_existing_draft(client, site_tree, la_officer):
    draft = ProgrammePageFactory(
        parent=site_tree["programme_index"],
        live=False,
        local_authorities=[LocalAuthorityFactory(name="Thurrock")],
        audiences=[career_stage("teacher")],
    )
    client.force_login(la_officer)

    response = client.post(
        edit_url(draft), edit_form_data(client.get(edit_url(draft)), **{"action-publish": "1"})
    )

    assert response.status_code == 302, response.context["form"].errors
    draft.refresh_from_db()
    assert not draft.live


def test_officer_cannot_approve_their_own_submission(client, site_tree, la_officer):
    client.force_login(la_officer)
    create_programme(client, site_tree["programme_index"], "submit")
    page = ProgrammePage.objects.get(slug="terrific-teams")

    approve(client, page)

    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress


# --- A moderator approves ------------------------------------------------------------------


def test_moderator_approving_a_submitted_programme_makes_it_live(client, site_tree, la_officer, moderator):
    client.force_login(la_officer)
    create_programme(client, site_tree["programme_index"], "submit")
    page = ProgrammePage.objects.get(slug="terrific-teams")
    client.force_login(moderator)

    response = approve(client, page)

    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    assert page.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert public_status(client, page) == 200


def test_moderator_can_publish_directly(client, site_tree, moderator):
    client.force_login(moderator)

    create_programme(client, site_tree["programme_index"], "publish")

    assert ProgrammePage.objects.get(slug="terrific-teams").live


# --- An officer edits a live programme -----------------------------------------------------


def test_submitted_changes_to_a_live_programme_wait_for_approval(client, site_tree, la_officer, moderator):
    programme = ProgrammePageFactory(
        parent=site_tree["programme_index"],
        title="Terrific Teams",
        local_authorities=[LocalAuthorityFactory(name="Thurrock")],
        audiences=[career_stage("teacher")],
    )
    client.force_login(la_officer)

    response = client.post(
        edit_url(programme),
        edit_form_data(
            client.get(edit_url(programme)), title="Terrific Teams 2026", **{"action-submit": "1"}
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    programme.refresh_from_db()
    assert programme.workflow_in_progress
    assert programme.title == "Terrific Teams"
    client.logout()
    assert "Terrific Teams 2026" not in client.get(programme.url).content.decode()

    client.force_login(moderator)
    approve(client, programme)
    client.logout()
    assert "Terrific Teams 2026" in client.get(programme.url).content.decode()


# --- Scheduled publishing ------------------------------------------------------------------


@pytest.fixture
def approved_for_next_week(client, site_tree, la_officer, moderator):
    """A programme submitted to go live in a week's time, then approved."""
    go_live_at = timezone.now() + datetime.timedelta(days=7)
    client.force_login(la_officer)
    create_programme(
        client,
        site_tree["programme_index"],
        "submit",
        go_live_at=timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M"),
    )
    page = ProgrammePage.objects.get(slug="terrific-teams")
    client.force_login(moderator)
    approve(client, page)
    client.logout()
    page.refresh_from_db()
    return page


def test_an_approved_programme_with_a_future_date_waits(approved_for_next_week):
    page = approved_for_next_week

    assert not page.live
    assert page.go_live_at > timezone.now()
    assert page.scheduled_revision is not None


def test_publish_scheduled_leaves_a_programme_whose_date_has_not_come(client, approved_for_next_week):
    call_command("publish_scheduled")

    approved_for_next_week.refresh_from_db()
    assert not approved_for_next_week.live
    assert public_status(client, approved_for_next_week) == 404


def test_publish_scheduled_publishes_a_programme_once_its_date_has_passed(client, approved_for_next_week):
    page = approved_for_next_week
    eight_days_on = timezone.now() + datetime.timedelta(days=8)

    with mock.patch("django.utils.timezone.now", return_value=eight_days_on):
        call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert public_status(client, page) == 200
