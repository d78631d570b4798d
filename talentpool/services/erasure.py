"""Erasing an account and everything the portal holds about the person (the right to erasure).

What is erased is worked out the way Django's delete would: everything the user's row cascades to
(their aspirant profile, its career steps, ratings, interests and the follow-ups about them, their
Wagtail user profile, SIP assignments, LA membership, allauth rows...). Rows that point at those
objects without a database foreign key are then found generically, so a model added later that
logs or indexes them is covered without changing this module.
"""

from collections import defaultdict
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models, router, transaction
from django.db.models import Q
from django.db.models.deletion import Collector

from ..models import ErasureRecord


@transaction.atomic
def account_erase(*, user) -> ErasureRecord:
    """Erase ``user`` and everything about them in one transaction; return the erasure's record.

    - Everything the user's row cascades to is deleted with it (see the module docstring).
      Follow-ups they wrote about other people keep the note, with no author (SET_NULL).
    - Audit log entries (Wagtail's ModelLogEntry and any other generic reference: revisions,
      the reference index, search entries...) about the user or any of those objects are deleted.
    - Audit log entries the user made about other objects are kept with no user, so other people's
      audit trail survives. (Wagtail's log ``user`` has no database constraint and DO_NOTHING on
      delete, so without this they would keep pointing at a deleted user's id.)
    - Their sessions are deleted, so any browser still logged in is logged out.

    The ErasureRecord holds only when the erasure happened.
    """
    erased = _rows_deleted_with(user)
    _delete_generic_references(erased)
    _detach_unconstrained_references(erased)
    _delete_sessions(user_pk=user.pk)
    user.delete()
    record = ErasureRecord()
    record.full_clean()
    record.save()
    return record


def _rows_deleted_with(user) -> dict[type[models.Model], set]:
    """``{model: {pk, ...}}`` for the user and every row that deleting the user would cascade to."""
    collector = Collector(using=router.db_for_write(type(user), instance=user))
    collector.collect([user])
    erased: dict[type[models.Model], set] = defaultdict(set)
    for model, instances in collector.data.items():
        erased[model].update(instance.pk for instance in instances)
    for rows in collector.fast_deletes:  # querysets (or lists) Django deletes without loading them
        if isinstance(rows, models.QuerySet):
            erased[rows.model].update(rows.values_list("pk", flat=True))
        else:
            for instance in rows:
                erased[type(instance)].add(instance.pk)
    return erased


def generic_reference_fields(model: type[models.Model]) -> list[tuple[models.Field, models.Field]]:
    """``(content type field, object id field)`` pairs through which ``model`` points at any object.

    Declared GenericForeignKeys, plus Wagtail's ``<prefix>content_type`` / ``<prefix>object_id``
    pairs (log entries and the reference index declare no GenericForeignKey).
    """
    pairs = []
    for private in model._meta.private_fields:
        if isinstance(private, GenericForeignKey):
            pairs.append((model._meta.get_field(private.ct_field), model._meta.get_field(private.fk_field)))
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is ContentType and field.name.endswith("content_type"):
            try:
                id_field = model._meta.get_field(field.name.removesuffix("content_type") + "object_id")
            except FieldDoesNotExist:
                continue
            if (field, id_field) not in pairs:
                pairs.append((field, id_field))
    return pairs


def _delete_generic_references(erased: dict[type[models.Model], set]) -> None:
    """Delete rows that point at an erased object by content type and id, such as its audit log."""
    targets = [(model, pks) for model, pks in erased.items() if pks and not model._meta.auto_created]
    for model in apps.get_models():
        for ct_field, id_field in generic_reference_fields(model):
            about_erased = Q()
            for target, pks in targets:
                about_erased |= Q(
                    **{
                        ct_field.attname: ContentType.objects.get_for_model(target).pk,
                        f"{id_field.attname}__in": [id_field.to_python(pk) for pk in pks],
                    }
                )
            if about_erased:
                model._base_manager.filter(about_erased).delete()


def _detach_unconstrained_references(erased: dict[type[models.Model], set]) -> None:
    """Clear foreign keys that Django leaves alone on delete (DO_NOTHING), such as a log entry's user.

    Run after the log entries about erased objects are deleted, so what is left is about other
    objects: nullable references are set to None and the row is kept; a row that cannot exist
    without the reference is deleted.
    """
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if not (field.is_relation and field.remote_field.on_delete is models.DO_NOTHING):
                continue
            pks = erased.get(field.related_model)
            if not pks:
                continue
            values = pks
            if not field.target_field.primary_key:
                values = field.related_model._base_manager.filter(pk__in=pks).values_list(
                    field.target_field.attname, flat=True
                )
            rows = model._base_manager.filter(**{f"{field.attname}__in": list(values)})
            if field.null:
                rows.update(**{field.attname: None})
            else:
                rows.delete()


def _delete_sessions(*, user_pk) -> None:
    """Delete the user's database sessions, wherever they are still logged in.

    Sessions store the user id inside encoded data, so this decodes every session: one pass over
    the session table, fine at the talent pool's size (a few thousand sessions). If that grows,
    run ``clearsessions`` daily or keep a user-to-session table. Cache-only and signed-cookie
    engines keep no such table, so there is nothing to find for them here.
    """
    if not apps.is_installed("django.contrib.sessions"):
        return
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):  # not a database-backed engine
        return
    wanted = str(user_pk)
    for session in store_class.get_model_class().objects.iterator(chunk_size=500):
        if str(session.get_decoded().get(SESSION_KEY)) == wanted:
            store_class(session_key=session.session_key).delete()  # also clears cached_db's cache
