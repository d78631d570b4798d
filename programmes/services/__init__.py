"""Writes for the programmes app."""

import logging

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from ..models import ProgrammeIndexPage
from ..roles import LA_OFFICERS, LA_SIGN_OFF_WORKFLOW, MODERATORS
from .school_import import SchoolImportError, SchoolImportResult, import_schools

__all__ = [
    "SECTION_PAGE_PERMISSIONS",
    "SchoolImportError",
    "SchoolImportResult",
    "import_schools",
    "programme_section_set_up",
]

logger = logging.getLogger(__name__)

# Officers draft and submit; only moderators publish, so nothing goes live unapproved.
SECTION_PAGE_PERMISSIONS = {
    LA_OFFICERS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


@transaction.atomic
def programme_section_set_up(*, index_page: ProgrammeIndexPage) -> None:
    """Give the editor groups their permissions on a programme section and put it under LA sign-off.

    Safe to call more than once. If an admin has renamed or deleted the "LA sign-off" workflow, the
    permissions are still granted and a warning is logged: the section then needs its workflow
    chosen by hand.
    """
    for group_name, codenames in SECTION_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=index_page, permission=permission)
    workflow = Workflow.objects.filter(name=LA_SIGN_OFF_WORKFLOW).first()
    if workflow is None:
        logger.warning(
            "There is no %r workflow, so programme section %r (page %s) was given its page permissions "
            "but no workflow. Choose its workflow in the admin.",
            LA_SIGN_OFF_WORKFLOW,
            index_page.title,
            index_page.pk,
        )
        return
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
