package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {
  @Test
  void readsNestedDictsListsAndScalars() throws Exception {
    JsonNode node =
        PythonLiteral.parse(
            "{'a': [1, -2.5, True, False, None], \"b\": {'c': ('x', 'y',)}, 'd': 'it\\'s \\u00e9\\n', }");

    assertThat(node.toString())
        .isEqualTo("{\"a\":[1,-2.5,true,false,null],\"b\":{\"c\":[\"x\",\"y\"]},\"d\":\"it's é\\n\"}");
  }

  @Test
  void keepsQuotesOfTheOtherKindInsideStrings() throws Exception {
    assertThat(PythonLiteral.parse("\"O'Brien\"").asText()).isEqualTo("O'Brien");
    assertThat(PythonLiteral.parse("'say \"hi\"'").asText()).isEqualTo("say \"hi\"");
  }

  @Test
  void saysWhereAMalformedLiteralBreaks() {
    assertThatThrownBy(() -> PythonLiteral.parse("{'a': 1"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("not a valid Python literal at character 7: unexpected end");
    assertThatThrownBy(() -> PythonLiteral.parse("{'a': 1} trailing"))
        .hasMessageContaining("unexpected text after the value");
    assertThatThrownBy(() -> PythonLiteral.parse("[" .repeat(100)))
        .hasMessageContaining("nested deeper than 64");
  }
}
