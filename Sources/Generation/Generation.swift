/// The `Generation` library: learning from a corpus and writing new pieces.
///
/// Its public API arrives with the generation issues; this file only anchors the module.
enum GenerationModule {}
