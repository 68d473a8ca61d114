package org.praxis.platform.web;

import jakarta.ws.rs.QueryParam;

/**
 * The {@code limit} and {@code cursor} query parameters of every list, taken as {@code @BeanParam PageParams page}.
 * {@link PageRequest#of} checks them; {@link SchemaBounds} declares their bounds in OpenAPI.
 */
public class PageParams {
    @QueryParam("limit")
    Integer limit;

    @QueryParam("cursor")
    String cursor;

    public PageRequest request() {
        return PageRequest.of(limit, cursor);
    }
}
