"""Keep Wagtail's "Site history" report (and its filters) inside the officer's own LA.

Wagtail lists, to anyone, every model log entry about a model they hold any permission on.
LA officers hold permissions on the talent pool's models, so without this they would see who
read, exported or followed up aspirant records in every LA. Wagtail has no hook for it, so
``scope_model_log_entries`` wraps ``ModelLogEntryManager.viewable_by_user``, the one method the
report, its user, type and action filters all call. ``talentpool.wagtail_hooks`` calls it once.
"""

from wagtail.models.audit_log import ModelLogEntryManager

from .. import permissions

_MARKER = "_talent_pool_scoped"


def scope_model_log_entries() -> None:
    """Narrow ``ModelLogEntry.objects.viewable_by_user(user)`` to the talent pool entries ``user`` manages."""
    wagtail_viewable_by_user = ModelLogEntryManager.viewable_by_user
    if getattr(wagtail_viewable_by_user, _MARKER, False):
        return

    def viewable_by_user(self, user):
        entries = wagtail_viewable_by_user(self, user)
        return entries.filter(permissions.log_entries_outside_talent_pool_or_managed_q(user))

    setattr(viewable_by_user, _MARKER, True)
    viewable_by_user.__doc__ = wagtail_viewable_by_user.__doc__
    ModelLogEntryManager.viewable_by_user = viewable_by_user
