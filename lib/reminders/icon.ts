/**
 * Chrome refuses a basic notification without an icon, and the extension ships no image files,
 * so the reminder carries its own: a 48 px "G" in the accent colour.
 */
export const REMINDER_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAA0klEQVR42u2aXQ6EMAiEudEeyGN7oN1XE6NuHX5mWkj6SubTllLA7E/7bPs3cxlq2YLdgNiED4Gwi7+FUBF/CSENoCb+BNEAh/VklABvzQWgQrgniFWLRyGMQXwqAJP4YQBUUMhB9hQ/6ssllHoAlF5myuIbgCIfUv76EABNRpoBEHnJNUADNABBGA0FyAiliP/yVAL1vQZAFISHz9IHTSpA1JMS/aMUj3pkO9KUVd6epTULW1SlRfnibpfXu0OzaJ9svjarfKN7ilGDKYY91MZtfiK7LOp4He8LAAAAAElFTkSuQmCC';
