/**
 * The synthetic paper generator: realistic, clearly labelled, deterministic papers (and their engagement signals) for
 * the offline demo and the benchmarks, from vocabularies and templates paperwire's authors wrote
 * ({@code vocabulary.properties}). {@link io.paperwire.ingest.generator.PaperGenerator} makes papers;
 * {@link io.paperwire.ingest.generator.GeneratedFormats} writes them in the snapshot JSON Lines and Hugging Face daily
 * formats so that they travel through the real parsers. Synthetic ids use month {@code 00} ({@code 2600.00001}),
 * which arXiv never assigns, and every paper's comments say it is synthetic.
 */
package io.paperwire.ingest.generator;
