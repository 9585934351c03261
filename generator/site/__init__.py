"""What the site shows: its pages and their contexts (`pages`), the tables and figures they are
made of (`views`, `charts`), how numbers are written (`format`), the Markdown of its texts
(`markdown`) and what each page gives the search (`search`)."""
