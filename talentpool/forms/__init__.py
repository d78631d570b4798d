"""Forms for the talent pool's pages, one module per page or group of pages."""
