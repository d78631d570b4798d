from whitenoise.storage import CompressedManifestStaticFilesStorage


class PortalStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files, with JavaScript module imports rewritten to hashed names.

    js/init.js imports GOV.UK Frontend as a module; without this the hashed init.js would still
    import the unhashed file, which browsers cache without cache-busting.
    """

    support_js_module_import_aggregation = True
