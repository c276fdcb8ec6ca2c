// Mail over real SMTP with nodemailer. One transport per distinct SMTP setting (agencies may each
// have their own server, statute.md §10 reminders); messages are plain text, UTF-8.
import nodemailer, { type Transporter } from 'nodemailer';

/** SMTP settings of an agency (or the instance default). */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** The sender, e.g. `政务公开办 <gongkai@example.gov.cn>`. */
  readonly from: string;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure?: boolean;
  /** Refuse to send without STARTTLS. */
  readonly requireTls?: boolean;
  readonly user?: string;
  readonly password?: string;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface SentMail {
  readonly messageId: string;
  readonly accepted: readonly string[];
}

/** Sends mail through the SMTP server of the settings; rejects when the server refuses the message. */
export interface SmtpMailer {
  send(settings: SmtpSettings, message: MailMessage): Promise<SentMail>;
  close(): void;
}

const keyOf = (s: SmtpSettings) =>
  JSON.stringify([s.host, s.port, s.secure ?? false, s.requireTls ?? false, s.user ?? '', s.password ?? '']);

/** A mailer that keeps one pooled nodemailer transport per distinct SMTP setting. */
export function createSmtpMailer(options: { readonly timeoutMs?: number } = {}): SmtpMailer {
  const transports = new Map<string, Transporter>();
  const timeout = options.timeoutMs ?? 30_000;
  const transportFor = (settings: SmtpSettings): Transporter => {
    const key = keyOf(settings);
    let transport = transports.get(key);
    if (transport === undefined) {
      transport = nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure ?? false,
        requireTLS: settings.requireTls ?? false,
        ...(settings.user === undefined ? {} : { auth: { user: settings.user, pass: settings.password ?? '' } }),
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
      transports.set(key, transport);
    }
    return transport;
  };
  return {
    async send(settings, message) {
      const info = await transportFor(settings).sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        textEncoding: 'base64',
      });
      return { messageId: String(info.messageId), accepted: (info.accepted as unknown[]).map(String) };
    },
    close() {
      for (const transport of transports.values()) {
        transport.close();
      }
      transports.clear();
    },
  };
}
