"""archbuilder: design AWS architectures, check them against the guides, export them."""

__version__ = "0.1.0"
