"""The "LA officers" group's permissions on the talent pool in the admin.

They read and correct their LA's aspirant profiles and follow-ups, and add, change and delete SIP
assignments. Which records they reach is decided by talentpool.permission_policies (their own
LA's only). Running it again changes nothing; reversing it takes these permissions away again.
"""

from django.db import migrations

LA_OFFICERS = "LA officers"

PERMISSIONS = [
    ("talentpool", "aspirantprofile", "aspirant profile", ["view", "change"]),
    ("talentpool", "followup", "follow-up", ["view", "change"]),
    ("talentpool", "sipassignment", "SIP assignment", ["add", "change", "delete", "view"]),
]


def _permission(apps, app_label, model, verbose_name, action):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {verbose_name}"},
    )
    return permission


def _talent_pool_permissions(apps):
    return [
        _permission(apps, app_label, model, verbose_name, action)
        for app_label, model, verbose_name, actions in PERMISSIONS
        for action in actions
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    officers, _ = Group.objects.get_or_create(name=LA_OFFICERS)
    access_admin = _permission(apps, "wagtailadmin", "admin", "admin", "access")
    officers.permissions.add(access_admin, *_talent_pool_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    officers = Group.objects.filter(name=LA_OFFICERS).first()
    if officers is not None:
        # wagtailadmin.access_admin stays: the group had it before (programmes 0003).
        officers.permissions.remove(*_talent_pool_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("talentpool", "0004_follow_up_and_sip_assignment_names"),
        ("programmes", "0003_editor_groups_and_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
