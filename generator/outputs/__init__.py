"""The files a build writes: pages rendered through the templates (`render`), data downloads
(`data`, `xlsx`), the search index (`searchindex`) and the plotly.js assets (`plotly_assets`)."""
