"""The "LA officers" and "Moderators" groups and the "LA sign-off" workflow.

Page permissions and the workflow are attached to each programme section by
programmes.services.programme_section_set_up, because the section's page does not exist yet
on a new site.
"""

from django.db import migrations

LA_OFFICERS = "LA officers"
MODERATORS = "Moderators"
WORKFLOW_NAME = "LA sign-off"
TASK_NAME = "Moderator approval"

SNIPPET_PERMISSIONS = [
    ("programmes", "school", ["add", "change", "view"]),
    ("programmes", "localauthority", ["view"]),
    ("programmes", "careerstage", ["view"]),
]
MODERATOR_SNIPPET_PERMISSIONS = [
    ("programmes", "school", ["add", "change", "delete", "view"]),
    ("programmes", "localauthority", ["add", "change", "view"]),
    ("programmes", "careerstage", ["add", "change", "view"]),
]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "document", ["add", "change", "choose"]),
    ("wagtailimages", "image", ["add", "change", "choose"]),
]


def _permission(apps, app_label, model, action):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    officers, _ = Group.objects.get_or_create(name=LA_OFFICERS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    access_admin = _permission(apps, "wagtailadmin", "admin", "access")

    for group, snippet_permissions in (
        (officers, SNIPPET_PERMISSIONS),
        (moderators, MODERATOR_SNIPPET_PERMISSIONS),
    ):
        group.permissions.add(access_admin)
        for app_label, model, actions in snippet_permissions:
            for action in actions:
                group.permissions.add(_permission(apps, app_label, model, action))
        root_collection = Collection.objects.filter(depth=1).first()
        if root_collection:
            for app_label, model, actions in COLLECTION_PERMISSIONS:
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, action),
                    )

    task_content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_content_type, "active": True}
    )
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0002_career_stages"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)]
