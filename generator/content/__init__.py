"""The content: year files read safely (`yamlsafe`), validated into the model (`load`, `model`,
`figures`, `numbers`, `labels`, `regions`) with their problems (`problems`), and the JSON
schemas of the model (`schema`)."""
