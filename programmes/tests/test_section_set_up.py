"""Every programme section gets the editor groups' page permissions and the LA sign-off workflow."""

import logging

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.test.utils.form_data import querydict_from_html

from home.factories import home_page_as_site_root
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from programmes.models import ProgrammeIndexPage
from programmes.roles import LA_OFFICERS, LA_SIGN_OFF_WORKFLOW, MODERATORS
from programmes.services import SECTION_PAGE_PERMISSIONS, programme_section_set_up

pytestmark = pytest.mark.django_db


def permissions_on(page) -> dict[str, set[str]]:
    granted: dict[str, set[str]] = {}
    for group, codename in GroupPagePermission.objects.filter(page=page).values_list(
        "group__name", "permission__codename"
    ):
        granted.setdefault(group, set()).add(codename)
    return granted


def expected_permissions() -> dict[str, set[str]]:
    return {group: set(codenames) for group, codenames in SECTION_PAGE_PERMISSIONS.items()}


def workflow_name_on(page) -> str | None:
    workflow_page = WorkflowPage.objects.filter(page=page).select_related("workflow").first()
    return workflow_page.workflow.name if workflow_page else None


def test_set_up_grants_permissions_and_puts_the_section_under_sign_off():
    index = ProgrammeIndexPageFactory(parent=home_page_as_site_root())

    programme_section_set_up(index_page=index)

    assert permissions_on(index) == expected_permissions()
    assert set(permissions_on(index)) == {LA_OFFICERS, MODERATORS}
    assert workflow_name_on(index) == LA_SIGN_OFF_WORKFLOW


def test_set_up_is_safe_to_repeat(site_tree):
    index = site_tree["programme_index"]
    count = GroupPagePermission.objects.filter(page=index).count()

    programme_section_set_up(index_page=index)

    assert GroupPagePermission.objects.filter(page=index).count() == count
    assert WorkflowPage.objects.filter(page=index).count() == 1


@pytest.mark.parametrize("change", ["rename", "delete"])
def test_set_up_without_the_sign_off_workflow_grants_permissions_and_warns(change, caplog):
    workflow = Workflow.objects.get(name=LA_SIGN_OFF_WORKFLOW)
    if change == "rename":
        workflow.name = "Moderators' sign-off"
        workflow.save()
    else:
        workflow.delete()
    index = ProgrammeIndexPageFactory(parent=home_page_as_site_root())

    with caplog.at_level(logging.WARNING, logger="programmes.services"):
        programme_section_set_up(index_page=index)

    assert permissions_on(index) == expected_permissions()
    assert workflow_name_on(index) is None
    [record] = [r for r in caplog.records if r.name == "programmes.services"]
    assert record.levelno == logging.WARNING
    assert LA_SIGN_OFF_WORKFLOW in record.getMessage()


def test_creating_a_section_in_the_admin_sets_it_up(client, superuser, site_tree):
    client.force_login(superuser)
    home = site_tree["home"]
    url = reverse("wagtailadmin_pages:add", args=("programmes", "programmeindexpage", home.pk))

    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update({"title": "More programmes", "slug": "more-programmes", "action-publish": "1"})

    response = client.post(url, data)

    assert response.status_code == 302
    index = ProgrammeIndexPage.objects.get(slug="more-programmes")
    assert permissions_on(index) == expected_permissions()
    assert workflow_name_on(index) == LA_SIGN_OFF_WORKFLOW


def copy_in_admin(client, page, *, parent, title: str, slug: str, copy_subpages: bool = False):
    """Post the admin's "Copy page" form, as wagtail/admin/views/pages/copy.py receives it."""
    data = {"new_title": title, "new_slug": slug, "new_parent_page": str(parent.pk), "publish_copies": "on"}
    if copy_subpages:
        data["copy_subpages"] = "on"
    return client.post(reverse("wagtailadmin_pages:copy", args=(page.pk,)), data)


def test_copying_a_section_in_the_admin_sets_up_the_copy(client, superuser, site_tree):
    client.force_login(superuser)
    index = site_tree["programme_index"]

    response = copy_in_admin(
        client, index, parent=site_tree["home"], title="Programmes 2026", slug="programmes-2026"
    )

    assert response.status_code == 302
    copy = ProgrammeIndexPage.objects.get(slug="programmes-2026")
    assert copy.pk != index.pk
    assert permissions_on(copy) == expected_permissions()
    assert workflow_name_on(copy) == LA_SIGN_OFF_WORKFLOW


def test_copying_a_home_page_with_its_subpages_sets_up_the_section_inside(client, superuser, site_tree):
    client.force_login(superuser)
    home = site_tree["home"]
    ProgrammePageFactory(parent=site_tree["programme_index"], title="Terrific Teams")

    response = copy_in_admin(
        client, home, parent=home.get_parent(), title="Second home", slug="second-home", copy_subpages=True
    )

    assert response.status_code == 302
    [copy] = ProgrammeIndexPage.objects.exclude(pk=site_tree["programme_index"].pk)
    assert copy.get_parent().slug == "second-home"
    assert permissions_on(copy) == expected_permissions()
    assert workflow_name_on(copy) == LA_SIGN_OFF_WORKFLOW
