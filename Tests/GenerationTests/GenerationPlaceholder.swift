// Placeholder so the GenerationTests target has a source file on the musicxml branch;
// delete when merging if main already has GenerationTests sources.
import Testing
