package io.paperpulse.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {
  /** Background statistics small enough to reason about: 1000 documents. */
  private static final DocumentFrequencies BACKGROUND =
      new DocumentFrequencies(1000, Map.of("model", 600, "diffusion", 40, "diffusion model", 30, "protein", 20, "language model", 50));
  private final KeywordExtractor extractor = new KeywordExtractor(BACKGROUND);

  private List<String> labels(String title, String text) {
    return extractor.extract(title, text, 10).stream().map(KeywordExtractor.Keyword::label).toList();
  }

  @Test
  void foldsCaseAndPluralsIntoOneKeyword() {
    List<KeywordExtractor.Keyword> keywords =
        extractor.extract("Diffusion Models for Proteins", "We train a diffusion model. Diffusion models design proteins.", 10);

    assertThat(keywords).extracting(KeywordExtractor.Keyword::key).contains("diffusion model").doesNotHaveDuplicates();
    assertThat(KeywordExtractor.keyOf("Diffusion Models")).isEqualTo(KeywordExtractor.keyOf("diffusion model"));
  }

  @Test
  void dropsNumbersLatexGenericWordsAndUrls() {
    List<String> labels =
        labels("", "In this paper we propose a method with $\\alpha = 0.5$ and 128 layers; code at https://github.com/a/b. The method works.");

    assertThat(labels).noneMatch(l -> l.contains("paper") || l.contains("method") || l.matches(".*\\d.*"))
        .noneMatch(l -> l.contains("alpha") || l.contains("github") || l.contains("propose"));
  }

  @Test
  void aPhraseUnknownToTheBackgroundScoresAsItsWordsDoNotAsTheRarestPhrase() {
    DocumentFrequencies background =
        new DocumentFrequencies(1000, Map.of("graph", 300, "color", 300, "protein", 20, "fold", 15, "protein fold", 10));
    KeywordExtractor extractor = new KeywordExtractor(background);

    List<String> labels =
        extractor.extract("", "Graph coloring and protein folding are studied.", 10).stream()
            .map(KeywordExtractor.Keyword::label).toList();

    // "graph coloring" never occurs in the background: by its own df it would be the rarest phrase
    // and come first; scored from its two common words, it ranks below the known, rarer phrase.
    assertThat(labels.get(0)).isEqualTo("protein folding");
    assertThat(labels.indexOf("graph coloring")).isGreaterThan(labels.indexOf("protein folding"));
  }

  @Test
  void aGenericWordMayStartAKeywordButIsNoKeywordAlone() {
    List<String> labels = labels("", "Data streams are fast. Data streams are endless.");

    assertThat(labels).contains("data streams").doesNotContain("data");
  }

  @Test
  void aKeywordInsideABetterOneIsNotRepeated() {
    DocumentFrequencies background = new DocumentFrequencies(
        1000, Map.of("model", 600, "language", 100, "protein", 20, "language model", 50, "protein language model", 5));

    List<String> labels = new KeywordExtractor(background)
        .extract("Protein language models", "Protein language models learn protein language.", 10)
        .stream().map(KeywordExtractor.Keyword::label).toList();

    assertThat(labels).contains("protein language models").doesNotContain("language models", "protein language", "language");
  }

  @Test
  void theBundledStatisticsFindTheObviousKeywordsOfARealAbstract() {
    KeywordExtractor bundled = new KeywordExtractor(DocumentFrequencies.bundled());
    List<String> labels = bundled.extract(
        "An Overview of Diffusion Models: Applications, Guided Generation, Statistical Rates and Optimization",
        "Diffusion models, a powerful and universal generative AI technology, have achieved tremendous success in computer vision, audio, reinforcement learning, and computational biology.",
        10).stream().map(KeywordExtractor.Keyword::label).toList();

    assertThat(labels).contains("diffusion models", "guided generation", "computational biology");
  }

  /** The first two papers of the seed listing (../shared/seed), as the bundled statistics see them. */
  private static final String[][] SEED_PAPERS = {
    {"Progressively Optimized Bi-Granular Document Representation for Scalable Embedding Based Retrieval",
     "Ad-hoc search calls for the selection of appropriate answers from a massive-scale corpus. Nowadays, the embedding-based retrieval (EBR) becomes a promising solution, where deep learning based document representation and ANN search techniques are allied to handle this task. However, a major challenge is that the ANN index can be too large to fit into memory, given the considerable size of answer corpus. In this work, we tackle this problem with Bi-Granular Document Representation, where the lightweight sparse embeddings are indexed and standby in memory for coarse-grained candidate search, and the heavyweight dense embeddings are hosted in disk for fine-grained post verification. For the best of retrieval accuracy, a Progressive Optimization framework is designed. The sparse embeddings are learned ahead for high-quality search of candidates. Conditioned on the candidate distribution induced by the sparse embeddings, the dense embeddings are continuously learned to optimize the discrimination of ground-truth from the shortlisted candidates. Besides, two techniques: the contrastive quantization and the locality-centric sampling are introduced for the learning of sparse and dense embeddings, which substantially contribute to their performances. Thanks to the above features, our method effectively handles massive-scale EBR with strong advantages in accuracy: with up to +4.3% recall gain on million-scale corpus, and up to +17.5% recall gain on billion-scale corpus. Besides, Our method is applied to a major sponsored search platform with substantial gains on revenue (+1.95%), Recall (+1.01%) and CTR (+0.49%). Our code is available at https://github.com/microsoft/BiDR."},
    {"DreamFace: Progressive Generation of Animatable 3D Faces under Text Guidance",
     "Emerging Metaverse applications demand accessible, accurate, and easy-to-use tools for 3D digital human creations in order to depict different cultures and societies as if in the physical world. Recent large-scale vision-language advances pave the way to for novices to conveniently customize 3D content. However, the generated CG-friendly assets still cannot represent the desired facial traits for human characteristics. In this paper, we present DreamFace, a progressive scheme to generate personalized 3D faces under text guidance. It enables layman users to naturally customize 3D facial assets that are compatible with CG pipelines, with desired shapes, textures, and fine-grained animation capabilities. From a text input to describe the facial traits, we first introduce a coarse-to-fine scheme to generate the neutral facial geometry with a unified topology. We employ a selection strategy in the CLIP embedding space, and subsequently optimize both the details displacements and normals using Score Distillation Sampling from generic Latent Diffusion Model. Then, for neutral appearance generation, we introduce a dual-path mechanism, which combines the generic LDM with a novel texture LDM to ensure both the diversity and textural specification in the UV space. We also employ a two-stage optimization to perform SDS in both the latent and image spaces to significantly provides compact priors for fine-grained synthesis. Our generated neutral assets naturally support blendshapes-based facial animations. We further improve the animation ability with personalized deformation characteristics by learning the universal expression prior using the cross-identity hypernetwork. Notably, DreamFace can generate of realistic 3D facial assets with physically-based rendering quality and rich animation ability from video footage, even for fashion icons or exotic characters in cartoons and fiction movies."}
  };

  @Test
  void aPapersListReadsLikeAPersonsListNoFragmentsNoPhraseAtThreeLengths() {
    KeywordExtractor bundled = new KeywordExtractor(DocumentFrequencies.bundled());
    for (String[] paper : SEED_PAPERS) {
      List<String> keys = bundled.extract(paper[0], paper[1], 10).stream().map(KeywordExtractor.Keyword::key).toList();

      assertThat(keys).as(paper[0]).hasSize(10);
      for (String key : keys) {
        long holds = keys.stream().filter(other -> !other.equals(key) && KeywordExtractor.overlaps(key, other)).count();
        assertThat(holds).as("%s holds two other keywords of %s", key, keys).isLessThan(2);
      }
    }
    List<String> first = bundled.extract(SEED_PAPERS[0][0], SEED_PAPERS[0][1], 10).stream().map(KeywordExtractor.Keyword::label).toList();
    assertThat(first).contains("document representation", "ebr").doesNotContain("optimized bi-granular", "optimized bi-granular document")
        .doesNotContain("bi-granular document"); // written only before "representation"
    List<String> second = bundled.extract(SEED_PAPERS[1][0], SEED_PAPERS[1][1], 10).stream().map(KeywordExtractor.Keyword::label).toList();
    assertThat(second).contains("dreamface").noneMatch(label -> label.startsWith("customize"));
  }

  @Test
  void aPhraseWhoseWordsThePaperKeepsUsingOutranksAnEarlierOne() {
    List<String> labels = new KeywordExtractor(new DocumentFrequencies(1000, Map.of()))
        .extract("", "Dense vectors and sparse embeddings are compared. The embeddings are stored, and the embeddings are indexed.", 10)
        .stream().map(KeywordExtractor.Keyword::label).toList();

    assertThat(labels).containsSubsequence("sparse embeddings", "dense vectors");
  }

  @Test
  void aShortListIsFilledWithPairsButNoPhraseShowsAtThreeLengths() {
    List<KeywordExtractor.Keyword> keywords = new KeywordExtractor(new DocumentFrequencies(1000, Map.of()))
        .extract("", "Sparse retrieval of protein structures uses graph kernels and graph kernel methods for fast search.", 10);
    List<String> keys = keywords.stream().map(KeywordExtractor.Keyword::key).toList();

    // The first pass keeps five phrases; the fill adds words and phrases that pair with one of them.
    assertThat(keys).contains("graph kernel method", "graph kernel", "sparse retrieval", "retrieval", "fast search", "search")
        .doesNotContain("kernel method"); // a third length of "graph kernel methods"
    for (String key : keys) {
      long related = keys.stream()
          .filter(other -> !other.equals(key) && (KeywordExtractor.overlaps(key, other) || KeywordExtractor.overlaps(other, key)))
          .count();
      assertThat(related).as("%s among %s", key, keys).isLessThanOrEqualTo(1);
    }
    assertThat(keywords).extracting(KeywordExtractor.Keyword::score).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void aWordWrittenOnlyInsideItsPhrasesRanksBelowThem() {
    List<String> labels = new KeywordExtractor(new DocumentFrequencies(1000, Map.of()))
        .extract("", "Sparse attention and sparse coding and sparse kernels.", 10)
        .stream().map(KeywordExtractor.Keyword::label).toList();

    // Counted alone, "sparse" has three mentions to each phrase's one and would lead the list.
    assertThat(labels).startsWith("sparse attention").doesNotContain("sparse");
  }

  @Test
  void aPhraseThatBeginsWithAVagueModifierRanksBelowAnEqualPhrase() {
    List<String> labels = new KeywordExtractor(new DocumentFrequencies(1000, Map.of()))
        .extract("", "Similar patterns appear in graph coloring.", 10)
        .stream().map(KeywordExtractor.Keyword::label).toList();

    assertThat(labels).containsSubsequence("graph coloring", "similar patterns");
  }

  @Test
  void ofTwoEqualPhrasesTheOneFirstMetInTheAbstractRanksFirst() {
    DocumentFrequencies background = new DocumentFrequencies(1000, Map.of("protein", 20, "graph", 20, "review", 900, "turn", 900));

    List<String> labels = new KeywordExtractor(background)
        .extract("", "Graphs are reviewed here, then we turn to proteins.", 10)
        .stream().map(KeywordExtractor.Keyword::label).toList();

    assertThat(labels).containsSubsequence("graphs", "proteins");
  }

  @Test
  void aHyphenatedWordIsJudgedByItsLastPartAtAKeyphrasesEnd() {
    assertThat(KeywordExtractor.candidates("the generated CG-friendly assets of GPT-based LLM-Agents"))
        .contains("generated cg friendly asset", "cg friendly asset", "llm agent")
        .doesNotContain("generated cg friendly", "cg friendly");
  }

  @Test
  void verbsEndPhrasesAndAdjectivesEndNoKeyphrase() {
    assertThat(KeywordExtractor.candidates("Agents customize 3D faces with optimized bi-granular indexes"))
        .contains("3d face", "bi granular index")
        .doesNotContain("agent customize", "customize 3d", "optimized bi granular", "bi granular");
    assertThat(KeywordExtractor.candidates("dense retrieval with a contrastive objective")).contains("dense retrieval", "contrastive objective");
  }
}
