"""The Jinja2 prompt templates, shipped inside the package as summarizer.prompt_templates."""
