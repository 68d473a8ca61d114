package org.praxis.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorFitnessTest {
    @Test
    void aFitDocumentHasNoFindings() throws Exception {
        assertEquals(List.of(), GeneratorFitness.findings(document(FIT)));
    }

    @Test
    void eachFaultIsNamedWithItsOperation() throws Exception {
        assertEquals(
                List.of(
                        "GET /things (listThings): Thing.level is a string without enum",
                        "GET /things (listThings): parameter status is a string without enum",
                        "GET /things (listThings): response schema Thing has no required properties",
                        "GET /things/{id} (getThing): no 2xx response",
                        "POST /things (openThing): 201 declares no Location header",
                        "POST /things (openThing): 201 declares no content",
                        "POST /things (openThing): 201 without an Idempotency-Key parameter",
                        "POST /things (openThing): uses the framework type JsonNode",
                        "PUT /things/{id} (moveThing): 200 application/json has an empty schema",
                        "PUT /things/{id} (moveThing): Thing.level is a string without enum",
                        "PUT /things/{id} (moveThing): answers 428 but If-Match is not required"),
                GeneratorFitness.findings(document(UNFIT)));
    }

    private static Map<String, Object> document(String json) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = new ObjectMapper().readValue(json.replace('\'', '"'), Map.class);
        return document;
    }

    private static final String FIT = """
            {'paths': {
              '/things': {
                'get': {'operationId': 'listThings',
                  'parameters': [{'name': 'status', 'in': 'query', 'schema': {'type': 'string', 'enum': ['a']}}],
                  'responses': {'200': {'content': {'application/json': {'schema': {
                    'type': 'array', 'items': {'$ref': '#/components/schemas/Thing'}}}}}}},
                'post': {'operationId': 'openThing',
                  'parameters': [{'name': 'Idempotency-Key', 'in': 'header', 'schema': {'type': 'string'}}],
                  'responses': {'201': {'headers': {'Location': {'schema': {'type': 'string'}}},
                    'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Thing'}}}}}}},
              '/things/{id}': {
                'delete': {'operationId': 'closeThing',
                  'parameters': [{'name': 'If-Match', 'in': 'header', 'required': true}],
                  'responses': {'204': {}, '428': {}}}}},
             'components': {'schemas': {
               'Thing': {'type': 'object', 'required': ['id'], 'properties': {
                 'id': {'type': 'string'}, 'status': {'type': ['string', 'null'], 'enum': ['a']},
                 'levels': {'type': 'array', 'items': {'type': 'string', 'enum': ['b']}}}}}}}
            """;

    private static final String UNFIT = """
            {'paths': {
              '/things': {
                'get': {'operationId': 'listThings',
                  'parameters': [{'name': 'status', 'in': 'query', 'schema': {'type': 'string'}}],
                  'responses': {'200': {'content': {'application/json': {'schema': {
                    'type': 'array', 'items': {'$ref': '#/components/schemas/Thing'}}}}}}},
                'post': {'operationId': 'openThing',
                  'requestBody': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/JsonNode'}}}},
                  'responses': {'201': {}}}},
              '/things/{id}': {
                'get': {'operationId': 'getThing', 'responses': {'404': {}}},
                'put': {'operationId': 'moveThing',
                  'parameters': [{'name': 'If-Match', 'in': 'header'}],
                  'requestBody': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Thing'}}}},
                  'responses': {'200': {'content': {'application/json': {'schema': {}}}}, '428': {}}}}},
             'components': {'schemas': {
               'JsonNode': {'type': 'object'},
               'Thing': {'type': 'object', 'properties': {
                 'id': {'type': 'string'}, 'level': {'type': 'string'}}}}}}
            """;
}
