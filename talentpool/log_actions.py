"""The talent pool's entries in Wagtail's audit log: who read, exported or followed up whose record.

An entry names the record ("Aspirant profile 12"), the person who acted and when; it never holds
field values. ``talentpool.wagtail_hooks`` registers these with Wagtail's ``register_log_actions``.
"""

from django.utils.translation import gettext_lazy as _

VIEW_PROFILE = "talentpool.view_profile"
EXPORT_PROFILE = "talentpool.export_profile"
RECORD_FOLLOW_UP = "talentpool.record_follow_up"
CHANGE_FOLLOW_UP = "talentpool.change_follow_up"
DELETE_FOLLOW_UP = "talentpool.delete_follow_up"

#: action: (label, message), as Wagtail's LogActionRegistry.register_action takes them.
LOG_ACTIONS = {
    VIEW_PROFILE: (_("View aspirant record"), _("Viewed the aspirant's record")),
    EXPORT_PROFILE: (_("Export aspirant record"), _("Exported the aspirant's record in a list")),
    RECORD_FOLLOW_UP: (_("Record follow-up"), _("Recorded a follow-up of a school visit")),
    CHANGE_FOLLOW_UP: (_("Change follow-up"), _("Changed a follow-up note on the aspirant's record")),
    DELETE_FOLLOW_UP: (_("Delete follow-up"), _("Deleted a follow-up note from the aspirant's record")),
}

#: How the aspirant's dashboard and "Download my data" word each action, including Wagtail's own
#: ones logged when an LA officer changes a record in the admin.
ACTION_DESCRIPTIONS = {
    VIEW_PROFILE: _("Looked at your record"),
    EXPORT_PROFILE: _("Downloaded a list that included your record"),
    RECORD_FOLLOW_UP: _("Added a follow-up note"),
    CHANGE_FOLLOW_UP: _("Changed a follow-up note"),
    DELETE_FOLLOW_UP: _("Deleted a follow-up note"),
    "wagtail.create": _("Created your record"),
    "wagtail.edit": _("Changed your record"),
}


def action_description(entry) -> str:
    """What a log entry about an aspirant's record says happened, in words they understand."""
    return str(ACTION_DESCRIPTIONS.get(entry.action) or entry.message)


def register_talent_pool_log_actions(actions) -> None:
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
