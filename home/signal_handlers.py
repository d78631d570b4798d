"""Keeps the search index in step with what was published."""

from wagtail.search import index
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    """Index the page again once its tags and other parental relations are saved.

    Wagtail indexes a page from its post_save signal, which fires before modelcluster writes
    the page's tags and ParentalManyToManyFields. With the immediate task backend that means a
    theme or LA added in an edit would not be searchable until the next save.
    """
    index.insert_or_update_object(instance.specific)


def register_signal_handlers():
    page_published.connect(reindex_published_page, dispatch_uid="home_reindex_published_page")
