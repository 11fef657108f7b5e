package com.lumiku.users.control;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A new password that meets the {@link PasswordPolicy}; a refusal is a field error of the request
 * like any other, naming the rule it breaks. Null passes (say {@code @NotNull} for that).
 */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = AcceptablePassword.Check.class)
public @interface AcceptablePassword {

  String message() default "is not an acceptable password";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Reads the minimum length from the settings (validators are made by the validation engine). */
  class Check implements ConstraintValidator<AcceptablePassword, String> {

    private PasswordPolicy policy;

    @Override
    public void initialize(AcceptablePassword annotation) {
      policy =
          new PasswordPolicy(
              ConfigProvider.getConfig()
                  .getValue("lumiku.auth.password-min-length", Integer.class));
    }

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
      if (password == null) {
        return true;
      }
      return policy
          .violation(password)
          .map(
              reason -> {
                context.disableDefaultConstraintViolation();
                context
                    .buildConstraintViolationWithTemplate(reason.replace("{", "\\{"))
                    .addConstraintViolation();
                return false;
              })
          .orElse(true);
    }
  }
}
