"""Date and time formats where Django's own are wrong for the site (``FORMAT_MODULE_PATH``).

Django reads a format here first and takes its own for anything a module leaves out.
"""
