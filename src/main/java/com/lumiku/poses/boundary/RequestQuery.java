package com.lumiku.poses.boundary;

import com.lumiku.platform.problem.ProblemException;
import com.lumiku.poses.control.PoseRequests;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of a listing of pose requests, the same for users and operators: {@code
 * status}, {@code sort} ({@code votes} or {@code newest}), {@code limit} and {@code cursor}.
 */
public class RequestQuery {

  @QueryParam("status")
  String status;

  @QueryParam("sort")
  String sort;

  @QueryParam("limit")
  String limit;

  @QueryParam("cursor")
  String cursor;

  /**
   * The listing the parameters ask for.
   *
   * @throws ProblemException 400 for an unknown status or order, a bad limit or a foreign cursor
   */
  PoseRequests.Listing listing() {
    return PoseRequests.Listing.parse(status, sort, limit, cursor);
  }
}
