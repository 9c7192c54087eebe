package org.therapybooking.notification.email;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Type-safe email templates (src/main/resources/templates/EmailTemplates/). The .html ones escape every value;
 * the .txt ones are the plain-text alternative.
 */
@CheckedTemplate(basePath = "EmailTemplates")
public class EmailTemplates {
    public static native TemplateInstance meetingInfoHtml(EmailView v);

    public static native TemplateInstance meetingInfoText(EmailView v);

    public static native TemplateInstance reminderHtml(EmailView v);

    public static native TemplateInstance reminderText(EmailView v);

    public static native TemplateInstance cancellationHtml(EmailView v);

    public static native TemplateInstance cancellationText(EmailView v);

    public static native TemplateInstance expiredHtml(EmailView v);

    public static native TemplateInstance expiredText(EmailView v);

    public static native TemplateInstance paymentReceivedHtml(EmailView v);

    public static native TemplateInstance paymentReceivedText(EmailView v);

    public static native TemplateInstance clientWaitingHtml(EmailView v);

    public static native TemplateInstance clientWaitingText(EmailView v);

    public static native TemplateInstance passwordResetHtml(AccountEmailView v);

    public static native TemplateInstance passwordResetText(AccountEmailView v);

    public static native TemplateInstance passwordChangedHtml(AccountEmailView v);

    public static native TemplateInstance passwordChangedText(AccountEmailView v);

    public static native TemplateInstance invitationHtml(AccountEmailView v);

    public static native TemplateInstance invitationText(AccountEmailView v);

    public static native TemplateInstance emailVerificationHtml(AccountEmailView v);

    public static native TemplateInstance emailVerificationText(AccountEmailView v);
}
