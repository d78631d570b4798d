"""Writes for the programmes app."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from .models import ProgrammeIndexPage

LA_OFFICERS = "LA officers"
MODERATORS = "Moderators"
LA_SIGN_OFF_WORKFLOW = "LA sign-off"

# Officers draft and submit; only moderators publish, so nothing goes live unapproved.
SECTION_PAGE_PERMISSIONS = {
    LA_OFFICERS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


@transaction.atomic
def programme_section_set_up(*, index_page: ProgrammeIndexPage) -> None:
    """Give the editor groups their permissions on a programme section and put it under LA sign-off.

    Safe to call more than once.
    """
    for group_name, codenames in SECTION_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=index_page, permission=permission)
    workflow = Workflow.objects.get(name=LA_SIGN_OFF_WORKFLOW)
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
