package com.lumiku.imaging;

/**
 * An upload {@link ImageUploads} accepted: re-encoded as PNG, with nothing of the original file but
 * its pixels (turned upright).
 *
 * @param png the picture as a fresh PNG (the array is not copied: do not change it)
 * @param width its width in pixels
 * @param height its height in pixels
 * @param source the format it was uploaded in, as detected from its bytes
 * @param thumbnailPng its thumbnail as PNG, when one was asked for; null otherwise
 */
public record AcceptedImage(
    byte[] png, int width, int height, ImageFormat source, byte[] thumbnailPng) {}
