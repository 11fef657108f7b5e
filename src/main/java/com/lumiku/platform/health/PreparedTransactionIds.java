package com.lumiku.platform.health;

import com.lumiku.platform.messaging.AbandonedBrokerBranches;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Whose a transaction prepared in PostgreSQL is, from its id ({@code pg_prepared_xacts.gid}). The
 * PostgreSQL driver names an XA branch {@code <format id>_<base64 global id>_<base64 branch
 * qualifier>}; Payara's branches have the format "JTS" and a qualifier that starts with the XA
 * server name and a comma ({@code lumiku,server,P100,...}). Only the instance of that name can end
 * such a branch (its recovery at start, from its transaction log), so another instance's liveness
 * must not count it: restarting that one would not help.
 */
final class PreparedTransactionIds {

  private PreparedTransactionIds() {}

  /**
   * True if the id is a Payara XA branch of another instance than {@code instance}; false for this
   * instance's and for anything else (another shape, another transaction manager: unknown owner).
   */
  static boolean ofAnotherInstance(String gid, String instance) {
    String[] parts = gid.split("_", -1);
    if (parts.length != 3
        || !String.valueOf(AbandonedBrokerBranches.PAYARA_XID_FORMAT).equals(parts[0])) {
      return false;
    }
    String qualifier;
    try {
      qualifier = new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    int comma = qualifier.indexOf(',');
    return comma > 0 && !qualifier.substring(0, comma).equals(instance);
  }
}
