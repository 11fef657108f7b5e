package com.lumiku.users.boundary;

import com.lumiku.users.entity.User;
import java.util.UUID;

/** A user as the API shows it to that user. */
public record UserView(UUID id, String email, String name, String role, long credits) {

  static UserView of(User user, long credits) {
    return new UserView(user.id(), user.email(), user.name(), user.role(), credits);
  }
}
