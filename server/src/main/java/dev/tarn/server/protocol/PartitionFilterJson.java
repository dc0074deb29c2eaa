package dev.tarn.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PartitionFilter} as JSON, one object per filter kind ({@code {"compare": {"key": 0, "op": "EQ",
 * "value": 1994}}}); values keep their store types: numbers are Longs, strings are strings.
 */
public final class PartitionFilterJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PartitionFilterJson() {}

  public static JsonNode write(PartitionFilter filter) {
    ObjectNode node = NODES.objectNode();
    if (filter instanceof PartitionFilter.All) {
      node.put("all", true);
    } else if (filter instanceof PartitionFilter.Compare compare) {
      ObjectNode body = node.putObject("compare");
      body.put("key", compare.keyIndex());
      body.put("op", compare.op().name());
      body.set("value", value(compare.value()));
    } else if (filter instanceof PartitionFilter.In in) {
      ObjectNode body = node.putObject("in");
      body.put("key", in.keyIndex());
      ArrayNode values = body.putArray("values");
      in.values().forEach(value -> values.add(value(value)));
    } else if (filter instanceof PartitionFilter.IsNull isNull) {
      ObjectNode body = node.putObject("isNull");
      body.put("key", isNull.keyIndex());
      body.put("negated", isNull.negated());
    } else if (filter instanceof PartitionFilter.And and) {
      ArrayNode terms = node.putArray("and");
      and.terms().forEach(term -> terms.add(write(term)));
    } else if (filter instanceof PartitionFilter.Or or) {
      ArrayNode terms = node.putArray("or");
      or.terms().forEach(term -> terms.add(write(term)));
    }
    return node;
  }

  public static PartitionFilter read(JsonNode node) {
    if (node == null || node.isNull() || node.has("all")) {
      return PartitionFilter.ALL;
    }
    if (node.has("compare")) {
      JsonNode body = node.get("compare");
      return new PartitionFilter.Compare(body.get("key").asInt(), PartitionFilter.Op.valueOf(body.get("op").asText()),
          value(body.get("value")));
    }
    if (node.has("in")) {
      JsonNode body = node.get("in");
      List<Object> values = new ArrayList<>();
      body.get("values").forEach(value -> values.add(value(value)));
      return new PartitionFilter.In(body.get("key").asInt(), values);
    }
    if (node.has("isNull")) {
      JsonNode body = node.get("isNull");
      return new PartitionFilter.IsNull(body.get("key").asInt(), body.get("negated").asBoolean());
    }
    if (node.has("and")) {
      return new PartitionFilter.And(terms(node.get("and")));
    }
    if (node.has("or")) {
      return new PartitionFilter.Or(terms(node.get("or")));
    }
    throw new TarnException(ErrorCode.INVALID_ARGUMENT, node.toString(), "Unknown partition filter " + node);
  }

  private static List<PartitionFilter> terms(JsonNode array) {
    List<PartitionFilter> terms = new ArrayList<>();
    array.forEach(term -> terms.add(read(term)));
    return terms;
  }

  private static JsonNode value(Object value) {
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    throw new TarnException(ErrorCode.INVALID_ARGUMENT, String.valueOf(value),
        "Partition filter value of type " + value.getClass().getName() + " (expected Long or String)");
  }

  private static Object value(JsonNode node) {
    return node.isIntegralNumber() ? (Object) node.asLong() : node.asText();
  }
}
