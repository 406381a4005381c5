"""Message modules, one per part of the app; each defines ``MESSAGES``."""
