"""The portal's URLs plus one view that fails, to exercise the 500 handler."""

from django.urls import path

from portal.urls import handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def broken_view(request):
    raise RuntimeError("Something went wrong in a view.")


urlpatterns = [path("broken/", broken_view), *portal_urlpatterns]
